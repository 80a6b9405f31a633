/**
 * The library's one order of ids and other text.
 *
 * @internal
 * @module
 */

/** Code-unit order of two strings, independent of the locale: the same order on every host. */
export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
