/**
 * What differs between the SQL engines {@link reachCountsQuery} writes for: identifier quoting,
 * the text type, parameter placeholders and identifier limits.
 *
 * @internal
 * @module
 */
import { type ErrorPath, invalid } from '../_lib/errors.js';
import { describeValue } from '../_lib/validate.js';

/**
 * The SQL engines {@link reachCountsQuery} writes for: DuckDB, PostgreSQL, BigQuery, Spark SQL and
 * Snowflake.
 *
 * @category Reach
 * @example
 * ```ts
 * import { SQL_DIALECTS } from 'scaling-navigator/reach';
 * SQL_DIALECTS //=> ['duckdb', 'postgres', 'bigquery', 'spark', 'snowflake']
 * ```
 */
export const SQL_DIALECTS = Object.freeze(['duckdb', 'postgres', 'bigquery', 'spark', 'snowflake'] as const);

/**
 * One of {@link SQL_DIALECTS}.
 *
 * @category Reach
 */
export type SqlDialect = (typeof SQL_DIALECTS)[number];

/** How one engine spells what the query needs. */
export interface Dialect {
  /** Opening and closing quote of a delimited identifier. */
  readonly quote: '"' | '`';
  /** The type unit codes are cast to. */
  readonly text: string;
  /** The placeholder of the one parameter, `histogramMax`: numbered (`$1`, `:1`) or named (`@histogram_max`, `:histogram_max`). */
  readonly placeholder: string;
  /** Whether the placeholder is named (bind `namedParams`) or numbered (bind `params`). */
  readonly named: boolean;
  /** Longest identifier, in UTF-8 bytes. */
  readonly maxIdentifierBytes: number;
}

export const DIALECTS: Readonly<Record<SqlDialect, Dialect>> = Object.freeze({
  // DuckDB: no practical identifier limit; 255 keeps names sane.
  duckdb: { quote: '"', text: 'VARCHAR', placeholder: '$1', named: false, maxIdentifierBytes: 255 },
  // PostgreSQL truncates identifiers past NAMEDATALEN − 1 = 63 bytes: a longer name could point elsewhere.
  postgres: { quote: '"', text: 'TEXT', placeholder: '$1', named: false, maxIdentifierBytes: 63 },
  // BigQuery: column names up to 300 characters; named query parameters (`@name`).
  bigquery: { quote: '`', text: 'STRING', placeholder: '@histogram_max', named: true, maxIdentifierBytes: 300 },
  // Spark SQL: named parameter markers (`:name`, spark.sql(query, args), Spark 3.4+).
  spark: { quote: '`', text: 'STRING', placeholder: ':histogram_max', named: true, maxIdentifierBytes: 255 },
  // Snowflake: identifiers up to 255 characters; no `<<` operator (masks are sums); numbered binds (`:1`).
  snowflake: { quote: '"', text: 'VARCHAR', placeholder: ':1', named: false, maxIdentifierBytes: 255 },
});

/** The UTF-8 length of a string, in bytes (no TextEncoder: the library assumes no host globals). */
function utf8Length(value: string): number {
  let bytes = 0;
  for (const char of value) {
    const point = char.codePointAt(0) as number;
    bytes += point < 0x80 ? 1 : point < 0x800 ? 2 : point < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/**
 * A delimited identifier: validated (a non-empty string without control characters, quotes or
 * backslashes, within the engine's length) and quoted. Nothing from the caller reaches the SQL
 * text any other way.
 */
export function quoteIdentifier(value: unknown, dialect: Dialect, path: ErrorPath): string {
  if (typeof value !== 'string' || value.length === 0) {
    invalid(path, `expected a column or table name (a non-empty string), got ${describeValue(value)}`);
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u001f\u007f"`\\]/.test(value)) {
    invalid(
      path,
      `${JSON.stringify(value)} holds a quote, a backslash or a control character, which no identifier here may hold`,
    );
  }
  if (utf8Length(value) > dialect.maxIdentifierBytes) {
    invalid(path, `longer than ${dialect.maxIdentifierBytes} bytes, the longest identifier this engine keeps whole`);
  }
  return `${dialect.quote}${value}${dialect.quote}`;
}
