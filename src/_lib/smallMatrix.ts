/**
 * Dense symmetric p × p matrices (row-major `Float64Array`), for the handful of fixed effects of a
 * mixed model: Cholesky factor, log-determinant, solve and inverse. p is small (an intercept, two
 * fidelity terms and a few covariates), so plain loops beat any library call.
 *
 * @internal
 * @module
 */

/**
 * The lower Cholesky factor L (A = L Lᵀ) of a symmetric matrix, or `null` when A is not positive
 * definite to working precision (a pivot at or below `relativeTolerance` × its diagonal entry).
 */
export function cholesky(a: Float64Array, p: number, relativeTolerance = 1e-12): Float64Array | null {
  const l = new Float64Array(p * p);
  for (let j = 0; j < p; j += 1) {
    let diagonal = a[j * p + j] as number;
    for (let k = 0; k < j; k += 1) diagonal -= (l[j * p + k] as number) ** 2;
    if (!(diagonal > relativeTolerance * Math.abs(a[j * p + j] as number)) || !Number.isFinite(diagonal)) return null;
    const root = Math.sqrt(diagonal);
    l[j * p + j] = root;
    for (let i = j + 1; i < p; i += 1) {
      let sum = a[i * p + j] as number;
      for (let k = 0; k < j; k += 1) sum -= (l[i * p + k] as number) * (l[j * p + k] as number);
      l[i * p + j] = sum / root;
    }
  }
  return l;
}

/** log det A from its Cholesky factor. */
export function logDeterminant(l: Float64Array, p: number): number {
  let sum = 0;
  for (let j = 0; j < p; j += 1) sum += Math.log(l[j * p + j] as number);
  return 2 * sum;
}

/** x with A x = b, from the Cholesky factor of A. */
export function choleskySolve(l: Float64Array, p: number, b: ArrayLike<number>): Float64Array {
  const x = Float64Array.from(b);
  for (let i = 0; i < p; i += 1) {
    let sum = x[i] as number;
    for (let k = 0; k < i; k += 1) sum -= (l[i * p + k] as number) * (x[k] as number);
    x[i] = sum / (l[i * p + i] as number);
  }
  for (let i = p - 1; i >= 0; i -= 1) {
    let sum = x[i] as number;
    for (let k = i + 1; k < p; k += 1) sum -= (l[k * p + i] as number) * (x[k] as number);
    x[i] = sum / (l[i * p + i] as number);
  }
  return x;
}

/** A⁻¹ from the Cholesky factor of A (symmetric). */
export function choleskyInverse(l: Float64Array, p: number): Float64Array {
  const inverse = new Float64Array(p * p);
  const unit = new Float64Array(p);
  for (let j = 0; j < p; j += 1) {
    unit.fill(0);
    unit[j] = 1;
    const column = choleskySolve(l, p, unit);
    for (let i = 0; i < p; i += 1) inverse[i * p + j] = column[i] as number;
  }
  for (let i = 0; i < p; i += 1) {
    for (let j = 0; j < i; j += 1) {
      const mean = ((inverse[i * p + j] as number) + (inverse[j * p + i] as number)) / 2;
      inverse[i * p + j] = mean;
      inverse[j * p + i] = mean;
    }
  }
  return inverse;
}

/** C = A B for p × p matrices. */
export function multiply(a: Float64Array, b: Float64Array, p: number): Float64Array {
  const c = new Float64Array(p * p);
  for (let i = 0; i < p; i += 1) {
    for (let k = 0; k < p; k += 1) {
      const aik = a[i * p + k] as number;
      if (aik === 0) continue;
      for (let j = 0; j < p; j += 1) c[i * p + j] = (c[i * p + j] as number) + aik * (b[k * p + j] as number);
    }
  }
  return c;
}

/** tr(A B) for p × p matrices. */
export function traceProduct(a: Float64Array, b: Float64Array, p: number): number {
  let sum = 0;
  for (let i = 0; i < p; i += 1)
    for (let k = 0; k < p; k += 1) sum += (a[i * p + k] as number) * (b[k * p + i] as number);
  return sum;
}

/** The inverse of a symmetric 2 × 2 [[a, b], [b, c]], or `null` when singular. */
export function inverse2(a: number, b: number, c: number): [number, number, number] | null {
  const determinant = a * c - b * b;
  if (!(Math.abs(determinant) > 1e-300) || !Number.isFinite(determinant)) return null;
  return [c / determinant, -b / determinant, a / determinant];
}
