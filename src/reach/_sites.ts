/**
 * The inputs of {@link compareSites}, validated, and the sums its reference enumerates.
 *
 * @internal
 * @module
 */
import { type ErrorPath, invalid } from '../_lib/errors.js';
import { requireDenseArray, requireKnownKeys } from '../_lib/strict.js';
import {
  requireArray,
  requireNonEmptyId,
  requireNumber,
  requireOneOf,
  requireRecord,
  requireUniqueId,
} from '../_lib/validate.js';
import { SITE_COVARIATE_KEYS, SITE_SCHOOL_KEYS, type SiteCovariate, type SiteSchool } from './SiteComparison.js';

export const MAX_SCHOOLS = 100_000;
const MAX_COVARIATES = 64;
export const MAX_DRAWS = 1_000_000;
/** Covariate values and resources are shares, rates, scores or money: at most 10¹² in size (sums stay finite). */
export const MAX_VALUE = 1e12;

export interface School {
  readonly id: string;
  readonly region: string;
  readonly weight: number;
  readonly values: Float64Array;
  readonly extra: number | null;
}

export function readSchools(value: unknown, covariates: readonly string[], byEnrollment: boolean): School[] {
  const list = requireArray(value, ['schools']);
  requireDenseArray(list, ['schools'], MAX_SCHOOLS);
  const seen = new Set<string>();
  const covariateSet = new Set(covariates);
  return list.map((entry, index) => {
    const path: ErrorPath = ['schools', index];
    const school = requireRecord(entry, path) as Partial<SiteSchool>;
    requireKnownKeys(school, SITE_SCHOOL_KEYS, path);
    const id = requireNonEmptyId(school.id, [...path, 'id']);
    requireUniqueId(seen, id, [...path, 'id'], 'school');
    const region = requireNonEmptyId(school.region, [...path, 'region']);
    const raw = requireRecord(school.values, [...path, 'values']);
    requireKnownKeys(raw, covariateSet, [...path, 'values']);
    const values = new Float64Array(covariates.length);
    covariates.forEach((covariate, k) => {
      values[k] = requireNumber(raw[covariate], [...path, 'values', covariate], { min: -MAX_VALUE, max: MAX_VALUE });
    });
    let weight = 1;
    if (school.enrollment !== undefined || byEnrollment) {
      const enrollment = requireNumber(school.enrollment, [...path, 'enrollment'], { min: 0, max: 1e9, integer: true });
      if (byEnrollment) {
        if (enrollment === 0) invalid([...path, 'enrollment'], 'weighting by enrollment needs at least one student');
        weight = enrollment;
      }
    }
    const extra =
      school.extraPerPupil === undefined
        ? null
        : requireNumber(school.extraPerPupil, [...path, 'extraPerPupil'], { min: 0, max: MAX_VALUE });
    return { id, region, weight, values, extra };
  });
}

/** A covariate as read: its direction filled in (`'similar'` when not given). */
export type ReadCovariate = SiteCovariate & { readonly intended: NonNullable<SiteCovariate['intended']> };

export function readCovariates(value: unknown): ReadCovariate[] {
  const list = requireArray(value, ['covariates']);
  requireDenseArray(list, ['covariates'], MAX_COVARIATES);
  if (list.length === 0) invalid(['covariates'], 'name at least one covariate');
  const seen = new Set<string>();
  return list.map((entry, index) => {
    const path: ErrorPath = ['covariates', index];
    const covariate = requireRecord(entry, path) as Partial<SiteCovariate>;
    requireKnownKeys(covariate, SITE_COVARIATE_KEYS, path);
    const id = requireNonEmptyId(covariate.id, [...path, 'id']);
    requireUniqueId(seen, id, [...path, 'id'], 'covariate');
    if (covariate.label !== undefined && typeof covariate.label !== 'string') {
      invalid([...path, 'label'], 'expected a string');
    }
    const intended =
      covariate.intended === undefined
        ? 'similar'
        : requireOneOf(covariate.intended, ['similar', 'lower', 'higher'] as const, [...path, 'intended'], 'direction');
    return { id, intended, ...(covariate.label === undefined ? {} : { label: covariate.label }) };
  });
}

/** Σ w·x / Σ w for each covariate over `members`. */
export function means(members: readonly School[], count: number): Float64Array {
  const out = new Float64Array(count);
  let total = 0;
  for (const school of members) {
    total += school.weight;
    for (let k = 0; k < count; k += 1) out[k] = (out[k] as number) + school.weight * (school.values[k] as number);
  }
  for (let k = 0; k < count; k += 1) out[k] = (out[k] as number) / total;
  return out;
}

/** C(n, k), or Infinity past `cap`. */
export function choose(n: number, k: number, cap: number): number {
  let value = 1;
  for (let i = 1; i <= k; i += 1) {
    value = (value * (n - k + i)) / i;
    if (value > cap) return Number.POSITIVE_INFINITY;
  }
  return Math.round(value);
}

/** Every k-subset of `schools` as its weight total and weighted sums (one Float64Array per subset: [w, Σwx…]). */
export function subsetSums(schools: readonly School[], k: number, count: number): Float64Array[] {
  const out: Float64Array[] = [];
  const pick = Array.from({ length: k }, (_, i) => i);
  for (;;) {
    const sums = new Float64Array(count + 1);
    for (const index of pick) {
      const school = schools[index] as School;
      sums[0] = (sums[0] as number) + school.weight;
      for (let c = 0; c < count; c += 1)
        sums[c + 1] = (sums[c + 1] as number) + school.weight * (school.values[c] as number);
    }
    out.push(sums);
    let i = k - 1;
    while (i >= 0 && (pick[i] as number) === schools.length - k + i) i -= 1;
    if (i < 0) return out;
    pick[i] = (pick[i] as number) + 1;
    for (let j = i + 1; j < k; j += 1) pick[j] = (pick[j - 1] as number) + 1;
  }
}
