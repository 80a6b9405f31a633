/**
 * Freezes a catalog and everything in it, so no host can change the vocabulary that every other
 * caller shares. Call sites mark it `/* @__PURE__ *\/` so bundlers still drop unused catalogs.
 *
 * @internal
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}
