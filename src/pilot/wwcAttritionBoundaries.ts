import type { AttritionBoundaryRow } from './pilotPolicy.js';

/** The cautious and optimistic boundaries for 0, 1, …, 57% overall attrition. */
const V4_ROWS: readonly (readonly [number, number])[] = [
  [5.7, 10],
  [5.8, 10.1],
  [5.9, 10.2],
  [5.9, 10.3],
  [6, 10.4],
  [6.1, 10.5],
  [6.2, 10.7],
  [6.3, 10.8],
  [6.3, 10.9],
  [6.3, 10.9],
  [6.3, 10.9],
  [6.2, 10.9],
  [6.2, 10.9],
  [6.1, 10.9],
  [6, 10.8],
  [5.9, 10.8],
  [5.9, 10.7],
  [5.8, 10.6],
  [5.7, 10.5],
  [5.5, 10.3],
  [5.4, 10.2],
  [5.3, 10],
  [5.2, 9.9],
  [5.1, 9.7],
  [4.9, 9.5],
  [4.8, 9.4],
  [4.7, 9.2],
  [4.5, 9],
  [4.4, 8.8],
  [4.3, 8.6],
  [4.1, 8.4],
  [4, 8.2],
  [3.8, 8],
  [3.6, 7.8],
  [3.5, 7.6],
  [3.3, 7.4],
  [3.2, 7.2],
  [3.1, 7],
  [2.9, 6.7],
  [2.8, 6.5],
  [2.6, 6.3],
  [2.5, 6],
  [2.3, 5.8],
  [2.1, 5.6],
  [2, 5.3],
  [1.8, 5.1],
  [1.6, 4.9],
  [1.5, 4.6],
  [1.3, 4.4],
  [1.2, 4.2],
  [1, 3.9],
  [0.9, 3.7],
  [0.7, 3.5],
  [0.6, 3.2],
  [0.4, 3],
  [0.3, 2.8],
  [0.2, 2.6],
  [0, 2.3],
];

/**
 * The attrition boundaries of the WWC Standards Handbook v4.0 (Table II.1), for 0–57% overall
 * attrition: the boundary of differential attrition (percent) below which attrition is *low*, under the cautious
 * and the optimistic boundary (a differential below the row's value is low). This is the table {@link summarizePilotEvidence} applies when the
 * policy's `attritionTable` is `null`; pass your handbook version's table there to follow it.
 *
 * Transcribed second-hand (from a public R helper), not from the handbook: the interior rows agree
 * with a second transcription; at 57% the two disagree on the optimistic value (2.3 here, 2.1 in
 * the other), and the optimistic values above 57% (60% → 1.4, 65% → 0.3 in the second) are not
 * included, so above 57% the optimistic boundary is unknown (`null`, with a note) while the
 * cautious one is high (its boundary reached 0). Unconfirmed: whether the handbook rounds the
 * overall rate down (the library takes floor(overall %), as that helper does) and whether a
 * differential equal to the boundary is low (the library, like the helper, says no: low means below).
 *
 * @category Pilot
 * @example
 * ```ts
 * import { WWC_ATTRITION_BOUNDARIES_V4 } from 'scaling-navigator/pilot';
 * WWC_ATTRITION_BOUNDARIES_V4.length //=> 58
 * WWC_ATTRITION_BOUNDARIES_V4[10] //=> { overall: 10, cautious: 6.3, optimistic: 10.9 }
 * ```
 */
export const WWC_ATTRITION_BOUNDARIES_V4: readonly AttritionBoundaryRow[] = /* @__PURE__ */ Object.freeze(
  V4_ROWS.map(([cautious, optimistic], overall) => Object.freeze({ overall, cautious, optimistic })),
);
