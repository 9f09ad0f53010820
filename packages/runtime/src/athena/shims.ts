/**
 * The Trino/Athena functions DuckDB lacks or computes differently, as DuckDB macros. A query's
 * calls to these names are renamed `athena_<name>` (see rewrite.ts), so DuckDB's own functions of
 * the same name stay as they are for everything else that runs on the connection.
 * Semantics follow the Athena engine version 3 (Trino) function reference:
 * https://trino.io/docs/current/functions.html.
 */

/** Each shim: the Trino name and its macro's overloads `(params) AS body`. */
export const SHIMS: Readonly<Record<string, readonly string[]>> = {
  // The MySQL-style format is translated to strftime's before the query runs (see rewrite.ts).
  date_parse: ['(s, f) AS strptime(s, f)'],
  date_format: ['(x, f) AS strftime(x, f)'],
  // DuckDB truncates a date to a timestamp; Trino keeps the date.
  date_trunc: ['(u VARCHAR, x DATE) AS CAST(date_trunc(u, x) AS DATE)', '(u VARCHAR, x TIMESTAMP) AS date_trunc(u, x)', '(u VARCHAR, x TIMESTAMPTZ) AS date_trunc(u, x)'],
  date_add: [
    '(u VARCHAR, n BIGINT, x DATE) AS CASE WHEN lower(u) IN (\'day\', \'week\', \'month\', \'quarter\', \'year\') THEN CAST(x + athena_interval(u, n) AS DATE) END',
    '(u VARCHAR, n BIGINT, x TIMESTAMP) AS x + athena_interval(u, n)',
    '(u VARCHAR, n BIGINT, x TIMESTAMPTZ) AS x + athena_interval(u, n)',
  ],
  // Trino counts whole units elapsed (DuckDB's date_sub), not boundaries crossed (DuckDB's date_diff).
  date_diff: ['(u, a, b) AS date_sub(u, a, b)'],
  // The Joda-Time format is translated to strftime's before the query runs (see rewrite.ts).
  format_datetime: ['(x, f) AS strftime(x, f)'],
  parse_datetime: ['(s, f) AS strptime(s, f)'],
  from_iso8601_date: ['(s) AS CAST(s AS DATE)'],
  from_iso8601_timestamp: ['(s) AS CAST(s AS TIMESTAMPTZ)'],
  to_iso8601: ["(x DATE) AS strftime(x, '%Y-%m-%d')", "(x TIMESTAMP) AS strftime(x, '%Y-%m-%dT%H:%M:%S.%g')", "(x TIMESTAMPTZ) AS strftime(x, '%Y-%m-%dT%H:%M:%S.%gZ')"],
  from_unixtime: ['(n) AS make_timestamp(CAST(round(n * 1000000) AS BIGINT))'],
  to_unixtime: ['(x) AS CAST(epoch_ms(x) AS DOUBLE) / 1000.0'],
  day_of_week: ['(x) AS isodow(x)'],
  dow: ['(x) AS isodow(x)'],
  day_of_month: ['(x) AS dayofmonth(x)'],
  day_of_year: ['(x) AS dayofyear(x)'],
  doy: ['(x) AS dayofyear(x)'],
  year_of_week: ['(x) AS isoyear(x)'],
  yow: ['(x) AS isoyear(x)'],
  week_of_year: ['(x) AS week(x)'],
  last_day_of_month: ['(x) AS last_day(x)'],
  date: ['(x) AS CAST(x AS DATE)'],
  current_timezone: ["() AS 'UTC'"],
  // Exact where Athena estimates (within its documented 2.3% standard error), so local answers are stable.
  approx_distinct: ['(x) AS count(DISTINCT x)', '(x, e) AS count(DISTINCT x)'],
  approx_percentile: ['(x, p) AS quantile_disc(x, p)'],
  arbitrary: ['(x) AS any_value(x)'],
  every: ['(x) AS bool_and(x)'],
  regexp_like: ['(s, p) AS regexp_matches(s, p)'],
  // Trino answers NULL when the pattern does not match; DuckDB answers ''.
  regexp_extract: ['(s, p) AS CASE WHEN regexp_matches(s, p) THEN regexp_extract(s, p) END', '(s, p, g) AS CASE WHEN regexp_matches(s, p) THEN regexp_extract(s, p, g) END'],
  // Trino replaces every match and writes groups as $1; DuckDB replaces the first unless 'g' and writes \1.
  regexp_replace: ["(s, p) AS regexp_replace(s, p, '', 'g')", "(s, p, r) AS regexp_replace(s, p, regexp_replace(r, '\\$(\\d)', '\\\\\\1', 'g'), 'g')"],
  regexp_count: ['(s, p) AS len(regexp_extract_all(s, p))'],
  regexp_split: ['(s, p) AS string_split_regex(s, p)'],
  // Trino answers NULL past the last field; DuckDB answers ''.
  split_part: ['(s, d, i) AS CASE WHEN i <= len(string_split(s, d)) THEN split_part(s, d, i) END'],
  codepoint: ['(c) AS unicode(c)'],
  levenshtein_distance: ['(a, b) AS levenshtein(a, b)'],
  hamming_distance: ['(a, b) AS hamming(a, b)'],
  cardinality: ['(x) AS len(x)'],
  element_at: ['(a, i) AS a[i]'],
  array_join: ['(a, sep) AS array_to_string(a, sep)', '(a, sep, n) AS array_to_string(list_transform(a, lambda v: coalesce(CAST(v AS VARCHAR), n)), sep)'],
  contains: ['(a, x) AS list_contains(a, x)'],
  array_distinct: ['(a) AS list_distinct(a)'],
  array_sort: ['(a) AS list_sort(a)'],
  array_max: ['(a) AS list_max(a)'],
  array_min: ['(a) AS list_min(a)'],
  array_position: ['(a, x) AS coalesce(list_position(a, x), 0)'],
  json_extract_scalar: ['(j, p) AS json_extract_string(j, p)'],
  is_nan: ['(x) AS isnan(x)'],
  nan: ["() AS CAST('NaN' AS DOUBLE)"],
  infinity: ["() AS CAST('Infinity' AS DOUBLE)"],
  truncate: ['(x) AS trunc(x)'],
  try: ['(x) AS x'],
}

/** The helpers the shims call, created first. */
const HELPERS: readonly string[] = [
  `athena_interval(u, n) AS CASE lower(u)
    WHEN 'millisecond' THEN to_milliseconds(n) WHEN 'second' THEN to_seconds(n) WHEN 'minute' THEN to_minutes(n)
    WHEN 'hour' THEN to_hours(n) WHEN 'day' THEN to_days(n) WHEN 'week' THEN to_weeks(n)
    WHEN 'month' THEN to_months(n) WHEN 'quarter' THEN to_months(n * 3) WHEN 'year' THEN to_years(n) END`,
]

/** Names renamed to `athena_<name>` when called. */
export const SHIMMED_NAMES: ReadonlySet<string> = new Set(Object.keys(SHIMS))

/** The statements that create every shim on a connection (TEMP: they live and die with it). */
export function shimStatements(): string[] {
  return [
    ...HELPERS.map((macro) => `CREATE OR REPLACE TEMP MACRO ${macro}`),
    ...Object.entries(SHIMS).map(([name, overloads]) => `CREATE OR REPLACE TEMP MACRO athena_${name}${overloads.join(', ')}`),
  ]
}

/**
 * A MySQL-style format (Trino's date_format and date_parse) as a strftime/strptime format, or
 * undefined when it uses a specifier Trino does not support either (%D, %U, %V, %w, %X, ...).
 * For parsing, unpadded numbers (%c, %e, %k, %l) read as their padded forms, which accept both.
 *
 * @example mysqlToStrftime('%Y-%m-%d %H:%i:%s', false) // '%Y-%m-%d %H:%M:%S'
 */
export function mysqlToStrftime(pattern: string, parse: boolean): string | undefined {
  let out = ''
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index] as string
    if (char !== '%') {
      out += char
      continue
    }
    const spec = pattern[index + 1]
    index++
    if (spec === undefined) return undefined
    const translated = MYSQL[spec]
    if (translated === undefined) return undefined
    out += typeof translated === 'string' ? translated : translated(parse)
  }
  return out
}

const MYSQL: Readonly<Record<string, string | ((parse: boolean) => string)>> = {
  a: '%a',
  b: '%b',
  c: (parse) => (parse ? '%m' : '%-m'),
  d: '%d',
  e: (parse) => (parse ? '%d' : '%-d'),
  f: '%f',
  H: '%H',
  h: '%I',
  I: '%I',
  i: '%M',
  j: '%j',
  k: (parse) => (parse ? '%H' : '%-H'),
  l: (parse) => (parse ? '%I' : '%-I'),
  M: '%B',
  m: '%m',
  p: '%p',
  r: '%I:%M:%S %p',
  S: '%S',
  s: '%S',
  T: '%H:%M:%S',
  W: '%A',
  Y: '%Y',
  y: '%y',
  '%': '%%',
}

/**
 * A Joda-Time pattern (format_datetime, parse_datetime) as a strftime format, or undefined when it
 * uses a letter that has none.
 *
 * @example jodaToStrftime("yyyy-MM-dd'T'HH:mm") // '%Y-%m-%dT%H:%M'
 */
export function jodaToStrftime(pattern: string): string | undefined {
  let out = ''
  let index = 0
  while (index < pattern.length) {
    const char = pattern[index] as string
    if (char === "'") {
      const end = pattern.indexOf("'", index + 1)
      if (end === index + 1) out += "'"
      else out += (end === -1 ? pattern.slice(index + 1) : pattern.slice(index + 1, end)).replaceAll('%', '%%')
      index = end === -1 ? pattern.length : end + 1
      continue
    }
    if (!/[A-Za-z]/.test(char)) {
      out += char === '%' ? '%%' : char
      index++
      continue
    }
    let count = 1
    while (pattern[index + count] === char) count++
    const spec = JODA[char]?.(count)
    if (spec === undefined) return undefined
    out += spec
    index += count
  }
  return out
}

const JODA: Readonly<Record<string, (count: number) => string | undefined>> = {
  y: (n) => (n === 2 ? '%y' : '%Y'),
  Y: (n) => (n === 2 ? '%y' : '%Y'),
  x: (n) => (n === 2 ? undefined : '%G'),
  M: (n) => (n >= 4 ? '%B' : n === 3 ? '%b' : n === 2 ? '%m' : '%-m'),
  d: (n) => (n === 2 ? '%d' : '%-d'),
  D: () => '%j',
  H: (n) => (n === 2 ? '%H' : '%-H'),
  h: (n) => (n === 2 ? '%I' : '%-I'),
  m: (n) => (n === 2 ? '%M' : '%-M'),
  s: (n) => (n === 2 ? '%S' : '%-S'),
  S: (n) => (n <= 3 ? '%g' : n <= 6 ? '%f' : '%n'),
  a: () => '%p',
  E: (n) => (n >= 4 ? '%A' : '%a'),
  e: () => '%u',
  w: () => '%V',
  Z: () => '%z',
  z: () => '%Z',
}
