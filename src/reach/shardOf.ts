import { invalid } from '../_lib/errors.js';
import { describeValue, requireNumber } from '../_lib/validate.js';

/**
 * The shard (0 … k − 1) a person's rows go to: a 32-bit FNV-1a hash of the id's UTF-16 code units,
 * modulo k. The same id always lands in the same shard, on every platform, so a person is counted
 * once when shards are merged. O(length of id).
 *
 * @category Reach
 * @throws ScalingNavigatorError `INVALID_INPUT` for an id that is not a string or k that is not a
 *   whole number ≥ 1.
 * @example
 * ```ts
 * import { shardOf } from 'scaling-navigator/reach';
 * shardOf('student-17', 4) === shardOf('student-17', 4) //=> true
 * shardOf('student-17', 1) //=> 0
 * shardOf('x', 0) //=> throws INVALID_INPUT at ['k']
 * ```
 */
export function shardOf(id: string, k: number): number {
  if (typeof id !== 'string') invalid(['id'], `expected a string id, got ${describeValue(id)}`);
  const shards = requireNumber(k, ['k'], { min: 1, integer: true });
  let hash = 0x811c9dc5;
  for (let index = 0; index < id.length; index += 1) {
    hash ^= id.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % shards;
}
