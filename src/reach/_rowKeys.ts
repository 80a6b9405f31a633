/**
 * The key checks of the row form's readers, which run once per person: allocation-free walks over
 * a row's (or its `units`') enumerable keys. A `for…in` walk gives each key as an internalized
 * string, so comparing it with a field name is a pointer compare. Any other key sends the object
 * to the shared helper (`requireKnownKeys`), which finds the first unknown own key and reports its
 * path and suggestion — or accepts the object when the key was inherited, as for every other
 * object the library reads. Every key is compared, so no combination of keys (a known field that
 * does not enumerate, a class instance's getters) can hide an unknown one.
 *
 * @internal
 * @module
 */

/**
 * Whether every enumerable key of `row` is a `ReachRow` field (the list of `ROW_KEYS`; a
 * test keeps the two in step).
 */
export function hasOnlyRowKeys(row: object): boolean {
  for (const key in row) {
    if (
      key !== 'id' &&
      key !== 'units' &&
      key !== 'groups' &&
      key !== 'engagements' &&
      key !== 'eligible' &&
      key !== 'engagedOn' &&
      key !== 'enrolledOn' &&
      key !== 'exitedOn'
    ) {
      return false;
    }
  }
  return true;
}

/** Whether every enumerable key of `record` is one of `names` (give them {@link internalized}). */
export function hasOnlyKeys(record: object, names: readonly string[]): boolean {
  const count = names.length;
  for (const key in record) {
    let at = 0;
    while (at < count && names[at] !== key) at += 1;
    if (at === count) return false;
  }
  return true;
}

/**
 * The same names as internalized strings (a caller's strings may be built at run time, e.g. read
 * from a file), so that {@link hasOnlyKeys} compares pointers: the keys of an object are
 * internalized, and `Object.keys` returns them.
 */
export function internalized(names: readonly string[]): readonly string[] {
  const record: Record<string, true> = {};
  for (const name of names) record[name] = true;
  return Object.freeze(Object.keys(record));
}
