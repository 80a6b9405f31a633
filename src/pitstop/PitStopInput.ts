import * as z from 'zod/mini';
import { crossCheck } from '../_lib/crossCheck.js';
import { type ErrorPath, ScalingNavigatorError } from '../_lib/errors.js';
import { parseOrThrow, type SafeParseResult } from '../_lib/parse.js';
import { readStored, type StoredType } from '../_lib/stored.js';
import { FACTOR_REVIEW_TYPE } from '../factors/_readReview.js';
import { requireTimeOrder } from '../factors/_roadblockShifts.js';
import { firstDuplicate, Id, IsoDate } from '../framework/_schemaParts.js';
import { MEASURE_DIRECTIONS } from '../framework/Measure.js';
import { StrategyId } from '../framework/strategies.js';
import { TripTicket } from '../framework/TripTicket.js';
import { PDSA_STUDY_TYPE, PdsaStudy } from '../learning/PdsaStudy.js';
import { RunChartResult } from '../learning/RunChartResult.js';
import { REACH_SUMMARY_TYPE, ReachSummary } from '../reach/ReachSummary.js';
import { PartnerJudgement } from '../strategies/PartnerJudgement.js';
import { StrategySet } from '../strategies/StrategySet.js';
import { RUN_CHART_TYPE, SCALE_SCHEMA, SCALE_TYPE, SPREAD_SCHEMA, SPREAD_TYPE } from './_storedTypes.js';

const nonNegative = z.number().check(z.gte(0));

/**
 * Schema for a projected arrival of one target of the destination: the date it is projected to be
 * met (`null` when the projection never reaches it), whether that is on or before `arriveBy`
 * (`null` when the projection cannot tell), and the projection's interval of dates (either end
 * `null` when open). `target` names the target: `'reach:<index>'` for the trip ticket's reach
 * target at that index, `'dimension:<id>'` for a scale dimension. A host fills it from a
 * reach-over-time projection (or its own).
 *
 * @category Pit stops
 * @example
 * ```ts
 * import { ProjectedArrival } from 'scaling-navigator/pitstop';
 * ProjectedArrival.parse({ target: 'reach:0', date: '2027-09-01', metByArriveBy: false, interval: ['2027-05-01', null] }).metByArriveBy //=> false
 * ProjectedArrival.safeParse({ target: 'reach:0', date: 'soon', metByArriveBy: null, interval: null }).success //=> false
 * ```
 */
export const ProjectedArrival = z.strictObject({
  target: z.string().check(z.regex(/^(reach:(0|[1-9][0-9]*)|dimension:[a-z]+)$/)),
  date: z.nullable(IsoDate),
  metByArriveBy: z.nullable(z.boolean()),
  interval: z.nullable(z.tuple([z.nullable(IsoDate), z.nullable(IsoDate)])),
});
/** A projected arrival of one target. @category Pit stops */
export type ProjectedArrival = z.infer<typeof ProjectedArrival>;

/** What a storable part of the input is checked against: the full schema, or (for the envelope) anything, read with `readStored` afterwards. */
type Part = <T>(schema: z.ZodMiniType<T>) => z.ZodMiniType<T>;

/** Where a cross-field rule of the input pushes its problems. */
type Issues = { readonly issues: z.core.$ZodRawIssue[] };
/** A cross-field rule of the envelope. */
type EnvelopeRule = (value: object, context: Issues) => void;

/** The lists of the input whose entries are told apart by a key, with what an entry is called. */
const KEYED_LISTS = [
  [['team'], 'id', 'team member'],
  [['decisions'], 'id', 'decision'],
  [['projectedArrivals'], 'target', 'projected arrival of target'],
  [['partners'], 'partnerId', 'partner'],
  [['strategyEvidence'], 'strategyId', 'evidence for strategy'],
  [['resources', 'oneTimeSupports'], 'id', 'one-time support'],
  [['resources', 'people'], 'id', 'person'],
] as const;

/**
 * Each keyed list names an entry once: a repeated partner, or evidence given twice for one
 * strategy, would otherwise be read as one of them and the other silently dropped.
 */
function checkKeyedLists(input: Record<string, unknown>, context: Issues): void {
  for (const [where, key, what] of KEYED_LISTS) {
    let list: unknown = input;
    for (const step of where) list = (list as Record<string, unknown> | undefined)?.[step];
    if (list === undefined) continue;
    const entries = list as readonly Record<string, string>[];
    const repeat = firstDuplicate(entries.map((entry) => entry[key] as string));
    if (repeat !== undefined) {
      context.issues.push({
        code: 'custom',
        input: entries,
        path: [...where, repeat.index, key],
        message: `${what} "${repeat.value}" is listed twice`,
      });
    }
  }
}

/**
 * Each decision was taken by the pit stop's date, and, when the team is given, by people it names
 * (team members or partners): an id that names no one would count no role as present.
 */
function checkDecisions(
  input: Pick<ParsedPitStopInput, 'asOf' | 'team' | 'partners' | 'decisions'>,
  context: Issues,
): void {
  const decisions = input.decisions ?? [];
  const people =
    input.team === undefined
      ? null
      : new Set([
          ...input.team.map((member) => member.id),
          ...(input.partners ?? []).map((partner) => partner.partnerId),
        ]);
  decisions.forEach((decision, index) => {
    if (decision.on > input.asOf) {
      context.issues.push({
        code: 'custom',
        input: decision,
        path: ['decisions', index, 'on'],
        message: `${decision.on} is after the pit stop (${input.asOf}): leave out decisions taken after it`,
      });
    }
    decision.decidedBy.forEach((id, position) => {
      if (people !== null && !people.has(id)) {
        context.issues.push({
          code: 'custom',
          input: decision,
          path: ['decisions', index, 'decidedBy', position],
          message: `"${id}" is neither a team member nor a partner`,
        });
      }
    });
  });
}

function shape(part: Part) {
  const runChart = z.strictObject({
    /** The measure's id. */
    measure: Id,
    /** What kind of measure (improvement science's family of measures). */
    kind: z.enum(['outcome', 'process', 'balancing']),
    direction: z._default(z.enum(MEASURE_DIRECTIONS), 'higherIsBetter'),
    chart: part(RunChartResult),
  });
  const evidence = z.strictObject({
    strategyId: StrategyId,
    effects: z._default(
      z.array(
        z.strictObject({
          measure: Id,
          /** A standardized effect (Hedges' g, positive = better), or `null` without an estimate. */
          estimate: z.nullable(z.number()),
          interval: z.nullable(z.tuple([z.number(), z.number()])),
        }),
      ),
      [],
    ),
    runCharts: z._default(z.array(runChart), []),
    pdsa: z._default(z.array(part(PdsaStudy)), []),
  });
  return (
    z
      .strictObject({
        asOf: IsoDate,
        kind: z._default(z.enum(['planned', 'unplanned']), 'planned'),
        /** What prompted an unplanned stop (a new superintendent, a storm). */
        trigger: z.optional(z.string()),
        tripTicket: TripTicket,
        team: z.optional(z.array(z.strictObject({ id: Id, roles: z.array(Id), voices: z._default(z.array(Id), []) }))),
        promisedVoices: z.optional(z.array(Id)),
        decisions: z.optional(z.array(z.strictObject({ id: Id, on: IsoDate, decidedBy: z.array(Id) }))),
        scale: z.optional(part(SCALE_SCHEMA)),
        superficialSpread: z.optional(part(SPREAD_SCHEMA)),
        reach: z.optional(part(ReachSummary)),
        previousReach: z.optional(part(ReachSummary)),
        projectedArrivals: z._default(z.array(ProjectedArrival), []),
        factorReview: z.optional(part(FACTOR_REVIEW_TYPE.schema)),
        previousFactorReview: z.optional(part(FACTOR_REVIEW_TYPE.schema)),
        strategySet: z.optional(StrategySet),
        partners: z.optional(z.array(PartnerJudgement)),
        strategyEvidence: z._default(z.array(evidence), []),
        resources: z.optional(
          z.strictObject({
            budgetLeft: z.optional(nonNegative),
            monthlyBurn: z.optional(nonNegative),
            oneTimeSupports: z._default(
              z.array(
                z.strictObject({
                  id: Id,
                  kind: z.enum(['funds', 'event']),
                  amount: z.optional(nonNegative),
                  endsOn: IsoDate,
                  /** The system that carries the work after it ends, or `null` when none is named. */
                  carriedBy: z.nullable(z.string()),
                }),
              ),
              [],
            ),
            people: z.optional(z.array(z.strictObject({ id: Id, hoursAvailable: nonNegative }))),
            hoursNeeded: z.optional(nonNegative),
          }),
        ),
        /** When the journey ends (default: the ticket's `arriveBy`). */
        journeyEndsOn: z.optional(IsoDate),
      })
      // Typed by the input they read (the envelope's own output type is built from this schema).
      .check(crossCheck(checkKeyedLists as EnvelopeRule), crossCheck(checkDecisions as EnvelopeRule))
  );
}

/**
 * Schema for the evidence a team brings to a pit stop (Carnegie framework, Tool #2): the date, the
 * trip ticket, the team (who is at the table, in which roles, carrying whose voices), the decisions
 * taken and who took them, and whatever results the team has — a scale assessment, a
 * superficial-spread report, reach summaries (now and before) with projected arrivals, the factor
 * review (and the previous one), the strategy set with partner judgements and per-strategy evidence
 * (effects with intervals, run charts of linked measures, PDSA studies), and resources. Everything
 * but `asOf` and `tripTicket` may be left out: an answer that needs a missing part is
 * `'undetermined'`. Cross-field rules: each team member, decision, projected target, partner,
 * strategy's evidence, one-time support and person is listed once (by its id); no decision is dated
 * after `asOf`, and with a team, each decision's `decidedBy` names team members or partners; the
 * factor review is not dated before the previous one. Use {@link parsePitStopInput} to validate (a result this
 * library made is not validated again).
 *
 * @category Pit stops
 * @example
 * ```ts
 * import { PitStopInput } from 'scaling-navigator/pitstop';
 * const ticket = {
 *   title: 'PBL for all', equityDefinition: '', scalingForEquityDefinition: '', focalGroups: [],
 *   destination: {}, arriveBy: '2027-06-30', route: [], arrival: { successLooksLike: '', advancesEquityBy: '' },
 * };
 * PitStopInput.parse({ asOf: '2026-01-20', tripTicket: ticket }).kind //=> 'planned'
 * PitStopInput.safeParse({ asOf: '2026-01-20', tripTicket: ticket, fuel: 1 }).success //=> false
 * ```
 */
export const PitStopInput = /* @__PURE__ */ shape((schema) => schema);
/** The pit-stop evidence as a caller may write it. @category Pit stops */
export type PitStopInput = z.input<typeof PitStopInput>;
/** The pit-stop evidence as the library holds it (defaults applied). @category Pit stops */
export type ParsedPitStopInput = z.output<typeof PitStopInput>;

/**
 * The envelope, compiled (zod's `compile`: generated code for the valid case; any input it does not
 * accept goes to zod's own parser, so errors and their paths are zod's). Built on first use. Where
 * code built from strings is refused (a content security policy: Cloudflare Workers, a strict
 * browser page), zod's compiled schema parses with its ordinary parser: the same answers
 * (test/dist/noCodeGeneration.test.ts runs the packed package that way).
 */
let envelope: z.ZodMiniType<ParsedPitStopInput> | undefined;
const envelopeSchema = (): z.ZodMiniType<ParsedPitStopInput> =>
  (envelope ??= z.compile(shape((() => z.unknown()) as Part)) as unknown as z.ZodMiniType<ParsedPitStopInput>);

/** What the envelope sees in place of a stored part (read after it, by its own reader). */
const STORED = 0;

/**
 * Each stored type the input holds, with its schema compiled like the envelope (on first use): a
 * result stored as JSON is validated in full, and the compiled parser does that several times
 * faster than zod's own (an input it does not accept goes to zod's own parser, so errors are zod's).
 */
const compiledTypes = new Map<StoredType<unknown>, StoredType<unknown>>();
function compiled<T>(type: StoredType<T>): StoredType<T> {
  let found = compiledTypes.get(type as StoredType<unknown>);
  if (found === undefined) {
    found = { ...type, schema: z.compile(type.schema) } as StoredType<unknown>;
    compiledTypes.set(type as StoredType<unknown>, found);
  }
  return found as StoredType<T>;
}

/** The storable parts at the top of the input, and how each is read (after the envelope). */
const STORED_PARTS: readonly (readonly [string, StoredType<unknown>])[] = [
  ['scale', SCALE_TYPE],
  ['superficialSpread', SPREAD_TYPE],
  ['reach', REACH_SUMMARY_TYPE],
  ['previousReach', REACH_SUMMARY_TYPE],
  ['factorReview', FACTOR_REVIEW_TYPE],
  ['previousFactorReview', FACTOR_REVIEW_TYPE],
] as readonly (readonly [string, StoredType<unknown>])[];

/** Reads the input at `path`: the envelope by zod, each stored result with `readStored`. @internal */
export function readPitStopInput(input: unknown, path: ErrorPath): ParsedPitStopInput {
  // Each stored part is read once, by its own reader: the envelope sees a placeholder, so the
  // document walk before zod never descends into a reach summary or factor review (a sealed one is
  // then taken as it is, and anything else, a sealed result of another kind included, is walked and
  // validated by `readStored`, with the part's path).
  const storedParts: (readonly [string, unknown, StoredType<unknown>])[] = [];
  let document = input;
  if (typeof input === 'object' && input !== null && !Array.isArray(input)) {
    for (const [key, type] of STORED_PARTS) {
      const value = Object.hasOwn(input, key) ? (input as Record<string, unknown>)[key] : undefined;
      if (value !== undefined) storedParts.push([key, value, type]);
    }
    if (storedParts.length > 0) {
      document = { ...input };
      for (const [key] of storedParts) (document as Record<string, unknown>)[key] = STORED;
    }
  }
  const parsed = parseOrThrow(envelopeSchema(), document, path) as Record<string, unknown> & ParsedPitStopInput;
  // The parsed envelope is zod's fresh output: each stored part is read into it in place.
  for (const [key, value, type] of storedParts) parsed[key] = readStored(value, compiled(type), [...path, key]);
  if (parsed.previousFactorReview !== undefined && parsed.factorReview !== undefined) {
    requireTimeOrder(parsed.previousFactorReview, parsed.factorReview, [...path, 'factorReview', 'reviewedOn']);
  }
  parsed.strategyEvidence = parsed.strategyEvidence.map((entry, index) =>
    entry.runCharts.length === 0 && entry.pdsa.length === 0
      ? entry
      : {
          // Field by field (the schema's keys, in its order).
          strategyId: entry.strategyId,
          effects: entry.effects,
          runCharts: entry.runCharts.map((chart, chartIndex) => ({
            measure: chart.measure,
            kind: chart.kind,
            direction: chart.direction,
            chart: readStored(chart.chart, compiled(RUN_CHART_TYPE), [
              ...path,
              'strategyEvidence',
              index,
              'runCharts',
              chartIndex,
              'chart',
            ]),
          })),
          pdsa: entry.pdsa.map((study, studyIndex) =>
            readStored(study, compiled(PDSA_STUDY_TYPE), [...path, 'strategyEvidence', index, 'pdsa', studyIndex]),
          ),
        },
  );
  return parsed;
}

/**
 * Validates untrusted pit-stop evidence (e.g. JSON from storage) and returns it with defaults
 * applied; results this library made pass without re-validation, stored ones are checked against
 * their schemas (a newer `schemaVersion` is `INCOMPATIBLE`). The input is not mutated.
 *
 * @category Pit stops
 * @throws ScalingNavigatorError `INVALID_INPUT` at the first problem, with its path; `INCOMPATIBLE`
 * for a stored result of a newer version.
 * @example
 * ```ts
 * import { parsePitStopInput } from 'scaling-navigator/pitstop';
 * parsePitStopInput({ asOf: '2026-02-30' }) //=> throws INVALID_INPUT at ['asOf']
 * ```
 */
export function parsePitStopInput(input: unknown): ParsedPitStopInput {
  return readPitStopInput(input, []);
}

/**
 * Like {@link parsePitStopInput}, but returns the error instead of throwing.
 *
 * @category Pit stops
 * @example
 * ```ts
 * import { safeParsePitStopInput } from 'scaling-navigator/pitstop';
 * const result = safeParsePitStopInput({ asOf: '2026-02-30' });
 * result.success ? null : result.error.path //=> ['asOf']
 * ```
 */
export function safeParsePitStopInput(input: unknown): SafeParseResult<ParsedPitStopInput> {
  try {
    return { success: true, data: readPitStopInput(input, []) };
  } catch (error) {
    if (error instanceof ScalingNavigatorError) return { success: false, error };
    throw error;
  }
}
