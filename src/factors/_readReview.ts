/**
 * Reading a {@link FactorReview} that comes back from a caller (perhaps stored as JSON): only the
 * fields `compareReviews` and `suggestStrategies` use are checked, other fields are ignored.
 *
 * @internal
 * @module
 */
import * as z from 'zod/mini';
import type { ErrorPath } from '../_lib/errors.js';
import { invalid } from '../_lib/errors.js';
import { parseOrThrow } from '../_lib/parse.js';
import { Id, IsoDate } from '../framework/_schemaParts.js';
import { FactorCategoryId } from '../framework/factors.js';
import { FACTOR_VERDICTS } from './factorVerdicts.js';

const Mean = z.nullable(z.number().check(z.gte(-2), z.lte(2)));

const ReviewView = z.object({
  reviewedOn: z.nullable(IsoDate),
  factors: z.array(
    z.object({
      id: Id,
      category: FactorCategoryId,
      label: z.string(),
      mean: Mean,
      decision: z.object({ action: z.enum(FACTOR_VERDICTS) }),
      strong: z.boolean(),
    }),
  ),
  categories: z.array(z.object({ id: FactorCategoryId, netForce: z.nullable(z.number()) })),
  roleDisagreements: z.array(z.object({ id: Id })),
});

/** The parts of a factor review that comparisons and suggestions read. @internal */
export type ReviewView = z.output<typeof ReviewView>;

/** Checks a factor review passed back in; factor ids must be unique. @internal */
export function readReview(value: unknown, path: ErrorPath): ReviewView {
  const review = parseOrThrow(ReviewView, value, path);
  const seen = new Set<string>();
  review.factors.forEach((factor, index) => {
    if (seen.has(factor.id)) invalid([...path, 'factors', index, 'id'], `factor "${factor.id}" appears twice`);
    seen.add(factor.id);
  });
  return review;
}
