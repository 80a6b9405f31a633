import { type ErrorPath, invalid } from '../_lib/errors.js';
import { keysOf, readOptions, requireDenseArray, requireKnownKeys } from '../_lib/strict.js';
import { describeValue, requireOneOf, requireRecord } from '../_lib/validate.js';
import { resolveReachConfig } from './_config.js';
import { requireLevelNames } from './_counts.js';
import { DIALECTS, type Dialect, quoteIdentifier, SQL_DIALECTS, type SqlDialect } from './_sqlDialects.js';
import type { SummarizeReachOptions } from './ReachRoster.js';

export { SQL_DIALECTS, type SqlDialect } from './_sqlDialects.js';

/**
 * Where the roster is and which of its columns mean what ({@link reachCountsQuery}).
 *
 * - `dialect`: one of {@link SQL_DIALECTS}.
 * - `table`: the table or view, as one name or its qualified parts (`['project', 'dataset',
 *   'roster']`), each quoted on its own. Names are taken as stored: Snowflake keeps unquoted names
 *   in upper case and PostgreSQL in lower case. A file (DuckDB's `read_parquet`) goes behind a view.
 * - `columns.units`: the column of each unit level (`{ district: 'district_id', school: 'school_id' }`),
 *   cast to text.
 * - `columns.groups`: a boolean column per focal group (`{ el: 'is_el' }`) — or
 *   `columns.groupMask`, a column that already holds the mask (bit k for `focalGroups[k]`).
 * - `columns.engagements`: whole engagements in the period per person.
 * - `columns.eligible` (optional): a boolean column; without it everyone is eligible.
 *
 * @category Reach
 */
export interface ReachCountsQuerySpec {
  readonly dialect: SqlDialect;
  readonly table: string | readonly string[];
  readonly columns: ReachCountsQueryColumns;
}

/**
 * The roster's columns ({@link ReachCountsQuerySpec}).
 *
 * @category Reach
 */
export interface ReachCountsQueryColumns {
  readonly units: Readonly<Record<string, string>>;
  readonly groups?: Readonly<Record<string, string>>;
  readonly groupMask?: string;
  readonly engagements: string;
  readonly eligible?: string;
}

/**
 * A query and its one parameter (`histogramMax`), to run as a prepared statement. DuckDB and
 * PostgreSQL (`$1`) and Snowflake (`:1`) bind `params`, in order; BigQuery (`@histogram_max`) and
 * Spark SQL (`:histogram_max`) bind `namedParams`.
 *
 * @category Reach
 */
export interface ReachCountsQuery {
  readonly dialect: SqlDialect;
  readonly sql: string;
  readonly params: readonly [number];
  readonly namedParams: { readonly histogram_max: number };
}

const SPEC_KEYS = /* @__PURE__ */ keysOf<ReachCountsQuerySpec>()('dialect', 'table', 'columns');
const COLUMN_KEYS = /* @__PURE__ */ keysOf<ReachCountsQueryColumns>()(
  'units',
  'groups',
  'groupMask',
  'engagements',
  'eligible',
);
const SPEC_HINTS = { sql: 'did you mean `dialect`?', from: 'did you mean `table`?', where: 'filter in a view' };

/** The names of the inner query's columns (no roster column and no unit level may take one). */
const INNER = { mask: 'sn_mask', eligible: 'sn_eligible', bin: 'sn_bin', engagements: 'sn_engagements' } as const;
const innerUnit = (level: number) => `sn_u${level}`;

/**
 * The SQL that counts a roster inside its engine — DuckDB, PostgreSQL, BigQuery, Spark SQL or
 * Snowflake — into the rows {@link reachFromCounts} takes: one row per unit path × focal-group
 * mask × eligibility × `LEAST(engagements, histogramMax)`, with `COUNT(*)` and
 * `SUM(engagements)`. Pass the same `options` to both, so the histogram is capped where the
 * summary expects it.
 *
 * Every identifier is validated and quoted (a name with a quote, a backslash or a control character
 * is refused, as is one past the engine's length); the only value, `histogramMax`, is bound as a
 * parameter, never written into the text: `$1` (DuckDB, PostgreSQL), `:1` (Snowflake),
 * `@histogram_max` (BigQuery), `:histogram_max` (Spark SQL). Masks are sums of `CASE … THEN 1 / 2 / 4 …` (Snowflake
 * has no `<<`); a NULL focal-group flag, unit, eligibility or engagement count comes back as NULL,
 * which `reachFromCounts` refuses with its path — never a silent zero. The query is grouped inside
 * a subquery, so no alias can shadow a roster column.
 *
 * DuckDB and PostgreSQL (through PGlite) run these queries in this library's tests; the BigQuery,
 * Spark and Snowflake text is checked as golden text and parsed, not run live.
 *
 * @category Reach
 * @throws ScalingNavigatorError `INVALID_INPUT` for an unknown dialect or key (with a suggestion),
 *   a bad or unsafe name, a unit level or focal group without its column (or a column for none),
 *   both `groups` and `groupMask`, a unit level or roster column named as one of the query's own
 *   columns, and bad options (as {@link summarizeReach}).
 * @example
 * ```ts
 * import { reachCountsQuery } from 'scaling-navigator/reach';
 * const options = { focalGroups: ['el'], unitLevels: ['school'] };
 * const query = reachCountsQuery(
 *   { dialect: 'postgres', table: ['public', 'roster'], columns: { units: { school: 'school_id' }, groups: { el: 'is_el' }, engagements: 'sessions' } },
 *   options,
 * );
 * query.params //=> [10]
 * query.sql.includes('FROM "public"."roster"') //=> true
 * reachCountsQuery({ dialect: 'snowflake', table: 'roster"; DROP TABLE x; --', columns: { units: { school: 's' }, groups: { el: 'e' }, engagements: 'n' } }, options) //=> throws INVALID_INPUT at ['spec', 'table']
 * reachCountsQuery({ dialect: 'mysql', table: 'r', columns: { units: { school: 's' }, groups: { el: 'e' }, engagements: 'n' } } as never, options) //=> throws INVALID_INPUT at ['spec', 'dialect']
 * ```
 */
export function reachCountsQuery(spec: ReachCountsQuerySpec, options: SummarizeReachOptions): ReachCountsQuery {
  const config = resolveReachConfig(options, ['options']);
  requireLevelNames(config, ['options']);
  const innerNames = new Set<string>([
    ...Object.values(INNER),
    ...config.unitLevels.map((_, level) => innerUnit(level)),
  ]);
  config.unitLevels.forEach((level, index) => {
    if (innerNames.has(level.toLowerCase())) {
      invalid(
        ['options', 'unitLevels', index],
        `${JSON.stringify(level)} is a column of the query's inner select; name the unit level otherwise`,
      );
    }
  });
  const read = readOptions<ReachCountsQuerySpec>(spec, SPEC_KEYS, ['spec'], SPEC_HINTS);
  if (spec === undefined) invalid(['spec'], 'expected { dialect, table, columns }');
  const name = requireOneOf(read.dialect, SQL_DIALECTS, ['spec', 'dialect'], 'SQL dialect');
  const dialect = DIALECTS[name];
  const table = tableName(read.table, dialect, ['spec', 'table']);
  const columnsPath: ErrorPath = ['spec', 'columns'];
  const columns = readOptions<ReachCountsQueryColumns>(read.columns, COLUMN_KEYS, columnsPath);
  if (read.columns === undefined) invalid(columnsPath, 'expected the roster columns ({ units, groups, engagements })');
  /** A roster column, quoted; it may not take an inner name (a lateral alias could shadow it). */
  const column = (value: unknown, path: ErrorPath): string => {
    const quoted = quoteIdentifier(value, dialect, path);
    if (innerNames.has((value as string).toLowerCase())) {
      invalid(path, `${JSON.stringify(value)} is a column of the query's inner select; rename it in a view`);
    }
    return quoted;
  };
  const units = requireRecord(columns.units, [...columnsPath, 'units']);
  requireKnownKeys(units, config.unitLevels, [...columnsPath, 'units']);
  const unitColumns = config.unitLevels.map((level) => column(units[level], [...columnsPath, 'units', level]));
  const mask = maskExpression(config.focalGroups, columns, column, [...columnsPath]);
  const engagements = column(columns.engagements, [...columnsPath, 'engagements']);
  const eligible = columns.eligible === undefined ? null : column(columns.eligible, [...columnsPath, 'eligible']);
  const q = (identifier: string) => `${dialect.quote}${identifier}${dialect.quote}`;
  const cap = [dialect.placeholder, dialect.placeholder];
  const inner = [
    ...unitColumns.map((unit, level) => `CAST(${unit} AS ${dialect.text}) AS ${q(innerUnit(level))}`),
    `${mask} AS ${q(INNER.mask)}`,
    ...(eligible === null ? [] : [`${eligible} AS ${q(INNER.eligible)}`]),
    `CASE WHEN ${engagements} >= ${cap[0]} THEN ${cap[1]} ELSE ${engagements} END AS ${q(INNER.bin)}`,
    `${engagements} AS ${q(INNER.engagements)}`,
  ];
  const keys = [
    ...config.unitLevels.map((level, index) => [q(innerUnit(index)), q(level)] as const),
    [q(INNER.mask), q('group_mask')] as const,
    ...(eligible === null ? [] : [[q(INNER.eligible), q('eligible')] as const]),
    [q(INNER.bin), q('engagements')] as const,
  ];
  const sql = [
    'SELECT',
    ...keys.map(([from, to]) => `  ${from} AS ${to},`),
    `  COUNT(*) AS ${q('people')},`,
    `  SUM(${q(INNER.engagements)}) AS ${q('engagement_sum')}`,
    'FROM (',
    '  SELECT',
    inner.map((line) => `    ${line}`).join(',\n'),
    `  FROM ${table}`,
    `) AS ${q('sn_rows')}`,
    `GROUP BY ${keys.map(([from]) => from).join(', ')}`,
  ].join('\n');
  return Object.freeze({
    dialect: name,
    sql,
    params: Object.freeze([config.histogramMax] as [number]),
    namedParams: Object.freeze({ histogram_max: config.histogramMax }),
  });
}

/** The table as quoted parts (`a`.`b`.`c`): one name, or one to three parts. */
function tableName(value: unknown, dialect: Dialect, path: ErrorPath): string {
  if (typeof value === 'string') return quoteIdentifier(value, dialect, path);
  if (!Array.isArray(value)) invalid(path, `expected a table name or its qualified parts, got ${describeValue(value)}`);
  requireDenseArray(value, path, 3);
  if (value.length === 0) invalid(path, 'expected at least the table name');
  return value.map((part, index) => quoteIdentifier(part, dialect, [...path, index])).join('.');
}

/** The focal-group mask: a sum of `CASE WHEN flag THEN 2^k WHEN NOT flag THEN 0 END` (NULL stays NULL), or the mask column. */
function maskExpression(
  focalGroups: readonly string[],
  columns: Partial<ReachCountsQueryColumns>,
  column: (value: unknown, path: ErrorPath) => string,
  path: ErrorPath,
): string {
  if (columns.groups !== undefined && columns.groupMask !== undefined) {
    invalid([...path, 'groupMask'], 'give groups (a flag per focal group) or groupMask, not both');
  }
  if (columns.groupMask !== undefined) return column(columns.groupMask, [...path, 'groupMask']);
  if (focalGroups.length === 0 && columns.groups === undefined) return '0';
  const groups = requireRecord(columns.groups, [...path, 'groups']);
  requireKnownKeys(groups, focalGroups, [...path, 'groups']);
  const terms = focalGroups.map((id, bit) => {
    const flag = column(groups[id], [...path, 'groups', id]);
    return `(CASE WHEN ${flag} THEN ${2 ** bit} WHEN NOT ${flag} THEN 0 END)`;
  });
  return terms.length === 0 ? '0' : terms.join(' + ');
}
