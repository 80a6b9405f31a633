/**
 * Hostile values for the robustness test (test/docs/robustness.test.ts): leaves that break naive
 * code, a deep copy that keeps holes and typed arrays, the paths of every node of an argument list,
 * and damage at one of those paths.
 */
import fc from 'fast-check';

/** A path into an argument list: `[0, 'rows', 3, 'score']` is `args[0].rows[3].score`. */
export type NodePath = readonly (string | number)[];

/** Finite numbers at the edges of what a double holds. */
export const EXTREME_FINITE = [1e308, -1e308, Number.MAX_VALUE, -Number.MAX_VALUE, 5e-324, -5e-324, -0, 2 ** 53 + 2];

/** The length of the longest array JavaScript allows: an array-like this long must be refused before any work. */
export const HUGE_LENGTH = 2 ** 32 - 1;

/** Values naive code trips on: non-finite and extreme numbers, wrong types, exotic objects. */
export function hostileLeaf(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom<unknown>(
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      ...EXTREME_FINITE,
      true,
      false,
      '',
      'zz',
      '2027-13-01',
      null,
      undefined,
      1n,
      Symbol('hostile'),
      Object.freeze({ toString: 1, valueOf: 2 }),
      Object.create(null),
      new Date(0),
      new Map([['a', 1]]),
      [],
      {},
      // biome-ignore lint/suspicious/noSparseArray: a hole is the point
      [, 1],
    ),
    fc.anything({ maxDepth: 2, maxKeys: 3, withBigInt: true, withNullPrototype: true, withSparseArray: true }),
  );
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

/** A deep copy of plain objects and arrays (holes stay holes, typed arrays are copied, anything else is shared). */
export function copyDeep<T>(value: T): T {
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let index = 0; index < value.length; index += 1) if (index in value) out[index] = copyDeep(value[index]);
    return out as T;
  }
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return (value as unknown as { slice(): unknown }).slice() as T;
  }
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = Object.getPrototypeOf(value) === null ? Object.create(null) : {};
    for (const key of Object.keys(value)) out[key] = copyDeep(value[key]);
    return out as T;
  }
  return value;
}

/** Every node below the argument list, depth first (the list itself is not a node). */
export function nodePaths(args: readonly unknown[], maxNodes = 2_000): NodePath[] {
  const out: NodePath[] = [];
  const visit = (value: unknown, path: NodePath) => {
    if (out.length >= maxNodes) return;
    out.push(path);
    if (Array.isArray(value)) {
      // Long arrays: their first few elements stand for the rest.
      const limit = Math.min(value.length, 8);
      for (let index = 0; index < limit; index += 1) if (index in value) visit(value[index], [...path, index]);
    } else if (isPlainObject(value)) {
      for (const key of Object.keys(value)) visit(value[key], [...path, key]);
    }
  };
  args.forEach((arg, index) => {
    visit(arg, [index]);
  });
  return out;
}

/** The value at `path` in `args`. */
export function valueAt(args: readonly unknown[], path: NodePath): unknown {
  let current: unknown = args;
  for (const step of path) current = (current as Record<string | number, unknown>)[step];
  return current;
}

/** Replaces the value at `path` (a non-empty path) in a copied argument list. */
export function setAt(args: unknown[], path: NodePath, value: unknown): void {
  const parent = valueAt(args, path.slice(0, -1)) as Record<string | number, unknown>;
  parent[path.at(-1) as string | number] = value;
}

/** The kinds of damage one run does at one node. */
export type Damage =
  | { readonly kind: 'replace'; readonly value: unknown }
  | { readonly kind: 'hole' }
  | { readonly kind: 'unknown-key' }
  | { readonly kind: 'drop-key' }
  | { readonly kind: 'scale'; readonly factor: number };

/** One damage, drawn. */
export function damage(): fc.Arbitrary<Damage> {
  return fc.oneof(
    { weight: 4, arbitrary: hostileLeaf().map((value) => ({ kind: 'replace', value }) as const) },
    { weight: 2, arbitrary: fc.constant({ kind: 'hole' } as const) },
    { weight: 2, arbitrary: fc.constant({ kind: 'unknown-key' } as const) },
    { weight: 1, arbitrary: fc.constant({ kind: 'drop-key' } as const) },
    {
      weight: 2,
      arbitrary: fc
        .constantFrom(1e300, 1e155, -1e155, 1e-300, 5e-324)
        .map((factor) => ({ kind: 'scale', factor }) as const),
    },
  );
}

/** The key the `unknown-key` damage adds: no function of the library knows it. */
export const UNKNOWN_KEY = 'zzUnknownKey';

/**
 * Applies `damage` at `path` of a copy of `args`; returns the damaged copy and what was really
 * done (a hole needs an array parent, an unknown or dropped key an object, a scale numbers), or
 * `undefined` when the damage does not apply at that node.
 */
export function applyDamage(
  args: readonly unknown[],
  path: NodePath,
  what: Damage,
): { readonly args: unknown[]; readonly done: Damage['kind'] } | undefined {
  const copy = copyDeep([...args]);
  const target = valueAt(copy, path);
  const parent = valueAt(copy, path.slice(0, -1));
  const last = path.at(-1) as string | number;
  switch (what.kind) {
    case 'replace':
      setAt(copy, path, what.value);
      return { args: copy, done: 'replace' };
    case 'hole':
      if (!Array.isArray(parent) || path.length < 2) return undefined;
      delete parent[last as number];
      return { args: copy, done: 'hole' };
    case 'unknown-key':
      if (!isPlainObject(target)) return undefined;
      // A decision reason's evidence is an open record by design (each rule names the numbers it
      // used), so a key added there is not an unknown key.
      if (last === 'evidence') return undefined;
      target[UNKNOWN_KEY] = 1;
      return { args: copy, done: 'unknown-key' };
    case 'drop-key':
      if (!isPlainObject(parent)) return undefined;
      delete parent[last as string];
      return { args: copy, done: 'drop-key' };
    case 'scale': {
      if (typeof target === 'number') {
        setAt(copy, path, target * what.factor);
        return { args: copy, done: 'scale' };
      }
      if (Array.isArray(target) && target.some((entry) => typeof entry === 'number')) {
        setAt(
          copy,
          path,
          target.map((entry) => (typeof entry === 'number' ? entry * what.factor : entry)),
        );
        return { args: copy, done: 'scale' };
      }
      if (target instanceof Float64Array) {
        setAt(
          copy,
          path,
          target.map((entry) => entry * what.factor),
        );
        return { args: copy, done: 'scale' };
      }
      return undefined;
    }
  }
}

/** Paths of the nodes that hold array data (arrays and typed arrays), for the huge-length cases. */
export function arrayPaths(args: readonly unknown[]): NodePath[] {
  return nodePaths(args).filter((path) => {
    const value = valueAt(args, path);
    return Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
  });
}
