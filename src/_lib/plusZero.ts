/** `x`, with −0 turned into 0 (no output of the library holds −0). @internal */
export function plusZero(x: number): number {
  return x === 0 ? 0 : x;
}
