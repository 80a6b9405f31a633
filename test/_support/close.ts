import { expect } from 'vitest';

/** Tolerances of the oracle comparisons (issue: 1e-9 relative + 1e-12 absolute; p-values 1e-8 relative). */
export const ESTIMATE_TOLERANCE = { relative: 1e-9, absolute: 1e-12 } as const;
export const P_TOLERANCE = { relative: 1e-8, absolute: 1e-300 } as const;

/** Asserts |actual − expected| ≤ absolute + relative·|expected|, or both null. */
export function expectClose(
  actual: number | null | undefined,
  expected: number | null | undefined,
  label: string,
  tolerance: { readonly relative: number; readonly absolute: number } = ESTIMATE_TOLERANCE,
): void {
  if (expected === null || expected === undefined) {
    expect(actual ?? null, label).toBeNull();
    return;
  }
  expect(typeof actual, label).toBe('number');
  const difference = Math.abs((actual as number) - expected);
  const allowed = tolerance.absolute + tolerance.relative * Math.abs(expected);
  expect(
    difference <= allowed,
    `${label}: got ${actual}, expected ${expected} (difference ${difference}, allowed ${allowed})`,
  ).toBe(true);
}

/** The same for an interval `[lower, upper]` or null. */
export function expectCloseInterval(
  actual: readonly [number, number] | null | undefined,
  expected: readonly [number | null, number | null] | null | undefined,
  label: string,
): void {
  if (expected === null || expected === undefined) {
    expect(actual ?? null, label).toBeNull();
    return;
  }
  expect(actual, label).not.toBeNull();
  expectClose(actual?.[0], expected[0], `${label} lower`);
  expectClose(actual?.[1], expected[1], `${label} upper`);
}
