/**
 * Long computations run in blocks: between blocks an `…Async` function yields to the host (a
 * macrotask, so a page can repaint), checks its `AbortSignal` and reports progress. No clock is
 * read; the draws are exactly those of the synchronous function.
 *
 * @internal
 * @module
 */
import { aborted, type ErrorPath, invalid } from './errors.js';

/**
 * The part of a DOM / Node `AbortSignal` the library reads (any object with a boolean `aborted`).
 *
 * @category Errors
 */
export interface AbortSignalLike {
  readonly aborted: boolean;
}

/** Progress callback: `done` of `total` units of work (draws). */
export type ProgressCallback = (done: number, total: number) => void;

/** Validated `signal` and `onProgress` options. */
export interface YieldControl {
  readonly signal: AbortSignalLike | undefined;
  readonly onProgress: ProgressCallback | undefined;
}

/** Reads `signal` and `onProgress` (both optional) under `path`. */
export function readYieldControl(signal: unknown, onProgress: unknown, path: ErrorPath): YieldControl {
  if (
    signal !== undefined &&
    (typeof signal !== 'object' || signal === null || typeof (signal as { aborted?: unknown }).aborted !== 'boolean')
  ) {
    invalid([...path, 'signal'], 'expected an AbortSignal (an object with a boolean `aborted`)');
  }
  if (onProgress !== undefined && typeof onProgress !== 'function') {
    invalid([...path, 'onProgress'], 'expected a function (done, total) => void');
  }
  return { signal: signal as AbortSignalLike | undefined, onProgress: onProgress as ProgressCallback | undefined };
}

/** Throws `ABORTED` at `path` when the signal has fired. */
export function throwIfAborted(control: YieldControl, path: ErrorPath): void {
  if (control.signal?.aborted === true) aborted([...path, 'signal'], 'the computation was aborted through its signal');
}

/** Yields to the host: a macrotask where the host has `setTimeout`, else a microtask. */
export function yieldToHost(): Promise<void> {
  const timer = (globalThis as { setTimeout?: (callback: () => void, delay: number) => unknown }).setTimeout;
  return new Promise((resolve) => {
    if (typeof timer === 'function') timer(resolve, 0);
    else resolve();
  });
}

/**
 * Runs `total` units of `step` in blocks of `block`, yielding, checking the signal and reporting
 * progress between blocks (and once at the end).
 */
export async function runInBlocks(
  total: number,
  block: number,
  step: (count: number) => void,
  control: YieldControl,
  path: ErrorPath,
): Promise<void> {
  throwIfAborted(control, path);
  let done = 0;
  control.onProgress?.(0, total);
  while (done < total) {
    const count = Math.min(block, total - done);
    step(count);
    done += count;
    control.onProgress?.(done, total);
    await yieldToHost();
    throwIfAborted(control, path);
  }
}
