/**
 * Framework's parsers are strict at every depth: an unknown key is INVALID_INPUT at its path, and a
 * hole in an array is INVALID_INPUT at its index (never read as a missing element).
 */
import { describe, it } from 'vitest';
import {
  parseFocalGroup,
  parseMeasure,
  parseMeasureDefinition,
  parseReachTarget,
  parseScaleTargets,
  parseTripTicket,
  safeParseTripTicket,
} from '../../src/framework/index.js';
import { expectError } from '../_support/expectError.js';

const focal = { id: 'poverty', label: 'Students in poverty', definition: 'Direct certification' };
const ticket = {
  title: 'Project-based learning for all',
  equityDefinition: 'Every student gets powerful learning.',
  scalingForEquityDefinition: 'Reach most students, and first those served least.',
  focalGroups: [focal],
  destination: { dimensions: { depth: 0.7 } },
  arriveBy: '2027-06-30',
  route: ['proof-point'],
  arrival: { successLooksLike: 'Two projects a year', advancesEquityBy: 'Focal students first' },
};

describe('unknown keys are refused at their path', () => {
  it('at the top of a trip ticket', () => {
    expectError(() => parseTripTicket({ ...ticket, arivBy: '2027-06-30' }), 'INVALID_INPUT', ['arivBy']);
  });
  it('in a nested focal group', () => {
    expectError(() => parseTripTicket({ ...ticket, focalGroups: [{ ...focal, lable: 'x' }] }), 'INVALID_INPUT', [
      'focalGroups',
      0,
      'lable',
    ]);
  });
  it('in a nested destination', () => {
    expectError(
      () => parseTripTicket({ ...ticket, destination: { dimensions: { depth: 0.7 }, dimension: {} } }),
      'INVALID_INPUT',
      ['destination', 'dimension'],
    );
  });
  it('in a reach target population', () => {
    expectError(
      () =>
        parseReachTarget({ population: { unit: 'students', unti: 1 }, overall: 0.8, focal: 0.8, focalRule: 'union' }),
      'INVALID_INPUT',
      ['population', 'unti'],
    );
  });
  it('in a measure scale', () => {
    expectError(
      () => parseMeasureDefinition({ id: 'walkthrough', dimension: 'depth', scale: { min: 0, max: 4, mx: 5 } }),
      'INVALID_INPUT',
      ['scale', 'mx'],
    );
  });
  it('in scale targets', () => {
    expectError(() => parseScaleTargets({ dpeth: 0.7 }), 'INVALID_INPUT', ['dpeth']);
  });
  it('in a focal group', () => {
    expectError(() => parseFocalGroup({ ...focal, definiton: 'x' }), 'INVALID_INPUT', ['definiton']);
  });
  it('through safeParse too', () => {
    const result = safeParseTripTicket({ ...ticket, zz: 1 });
    expectError(
      () => {
        if (!result.success) throw result.error;
      },
      'INVALID_INPUT',
      ['zz'],
    );
  });
});

describe('holes are refused at their index', () => {
  it('in the focal groups of a trip ticket', () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point
    expectError(() => parseTripTicket({ ...ticket, focalGroups: [focal, , focal] }), 'INVALID_INPUT', [
      'focalGroups',
      1,
    ]);
  });
  it('in the route of a trip ticket', () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point
    expectError(() => parseTripTicket({ ...ticket, route: [, 'proof-point'] }), 'INVALID_INPUT', ['route', 0]);
  });
  it('a measure given as an array is not an object', () => {
    expectError(() => parseMeasure([1, 2]), 'INVALID_INPUT', []);
  });
});
