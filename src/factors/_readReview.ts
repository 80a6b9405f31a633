/**
 * Reading a {@link FactorReview} that comes back from a caller: a review this library made passes
 * as it is; anything else (a review stored as JSON, an edited copy) must carry `schemaVersion: 1`
 * and match the full {@link FactorReview} schema, or it is `INVALID_INPUT` with the path of the damage.
 *
 * @internal
 * @module
 */
import type { ErrorPath } from '../_lib/errors.js';
import { readStored, type StoredType } from '../_lib/stored.js';
import { FactorReview } from './FactorReview.js';

/** How a factor review is stored: version 1, checked against {@link FactorReview}. @internal */
export const FACTOR_REVIEW_TYPE: StoredType<FactorReview<string>> = {
  name: 'factor review',
  version: 1,
  schema: FactorReview,
};

/** A factor review as comparisons and suggestions read it. @internal */
export type ReviewView = FactorReview<string>;

/** Checks a factor review passed back in (its own reviews pass without re-validation). @internal */
export function readReview(value: unknown, path: ErrorPath): ReviewView {
  return readStored(value, FACTOR_REVIEW_TYPE, path);
}
