import { expect } from 'vitest';

/** Asserts that `run` throws a ScalingNavigatorError with this code and path (never message text). */
export function expectError(run: () => unknown, code: string, path: readonly (string | number)[]): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught, 'expected a ScalingNavigatorError to be thrown').toBeDefined();
  expect(caught).toMatchObject({ name: 'ScalingNavigatorError', code, path });
}
