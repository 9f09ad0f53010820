import { DslError } from '../expr/expr.js'
import type { ColumnRuleNode, ColumnTypeName, ColumnTypeNode } from './ir.js'

/**
 * A typed column of a dataset, built like a Zod schema: `col.string().trim().required()`.
 * `T` is the value's TypeScript type in the processed table, `Nullable` whether it may be
 * null there. Every call returns a new column; the one it was called on is unchanged.
 */
export class Column<T, Nullable extends boolean = true> {
  /** For the type checker only: the value's type and nullability in the processed table. */
  declare readonly __column?: { readonly value: T; readonly nullable: Nullable }
  /** Which builder this is, so types can tell a text column from a date column. */
  declare readonly family: 'string' | 'number' | 'temporal' | 'boolean'

  constructor(
    readonly type: ColumnTypeNode,
    readonly rules: readonly ColumnRuleNode[] = [],
    /** The CSV header to read, when it is not the column's own name. */
    readonly source?: string,
  ) {}

  /** Reads the column from a differently named CSV header: `col.string().from('Order No.')`. */
  from(header: string): this {
    return this.with([], header)
  }

  /** Treats these raw texts as "no value": `.nullIf('N/A', '-')`. */
  nullIf(...values: readonly string[]): this {
    return this.with([{ rule: 'nullIf', values }])
  }

  /** Rejects the row when the cleaned field is empty. */
  required(): NonNull<this> {
    return this.with([{ rule: 'required' }]) as unknown as NonNull<this>
  }

  /** Fills an empty field with `value` instead of leaving it null. */
  default(value: T & (string | number | boolean)): NonNull<this> {
    return this.with([{ rule: 'default', value }]) as unknown as NonNull<this>
  }

  /** Rejects the row unless the value is one of these. */
  oneOf(...values: readonly (T & (string | number))[]): this {
    if (values.length === 0) throw new DslError('oneOf() needs at least one value', '/columns', 'list the allowed values: .oneOf("EUR", "USD")', 'DLC_INVALID_DATASET')
    return this.with([{ rule: 'oneOf', values }])
  }

  protected with(rules: readonly ColumnRuleNode[], source = this.source): this {
    const Kind = this.constructor as new (type: ColumnTypeNode, rules: readonly ColumnRuleNode[], source?: string) => this
    return new Kind(this.type, [...this.rules, ...rules], source)
  }
}

/** A text column: cleaning (trim, upper, lower) and text checks. */
export class StringColumn<Nullable extends boolean = true> extends Column<string, Nullable> {
  declare readonly family: 'string'

  trim(): this {
    return this.with([{ rule: 'trim' }])
  }

  upper(): this {
    return this.with([{ rule: 'upper' }])
  }

  lower(): this {
    return this.with([{ rule: 'lower' }])
  }

  /** Rejects the row unless the whole cleaned text matches: `.pattern(/^SO-\d{6}$/)`. */
  pattern(regex: RegExp | string): this {
    const source = typeof regex === 'string' ? regex : regex.source
    if (typeof regex !== 'string' && regex.flags !== '') {
      throw new DslError(`pattern /${source}/${regex.flags} has flags`, '/columns', 'flags do not carry over to SQL: write the pattern without them, e.g. [Aa] for case', 'DLC_INVALID_DATASET')
    }
    return this.with([{ rule: 'pattern', regex: source }])
  }
}

/** A number column: range checks. */
export class NumberColumn<Nullable extends boolean = true> extends Column<number, Nullable> {
  declare readonly family: 'number'

  min(value: number): this {
    return this.with([{ rule: 'min', value }])
  }

  max(value: number): this {
    return this.with([{ rule: 'max', value }])
  }
}

/** A date or timestamp column; in queries and messages its value is ISO text. Bounds are ISO text too. */
export class TemporalColumn<Nullable extends boolean = true> extends Column<string, Nullable> {
  declare readonly family: 'temporal'

  min(value: string): this {
    return this.with([{ rule: 'min', value }])
  }

  max(value: string): this {
    return this.with([{ rule: 'max', value }])
  }
}

/** Formats for date and timestamp columns, in strftime notation as DuckDB and Python read them. */
export interface TemporalOptions {
  /** Tried in order; the first that parses wins. Default ISO: `%Y-%m-%d` (dates) or `%Y-%m-%d %H:%M:%S` (timestamps). */
  readonly formats?: readonly string[]
}

const FORMAT_DIRECTIVE = /%[a-zA-Z%]/g
const KNOWN_DIRECTIVES = new Set(['%Y', '%y', '%m', '%d', '%e', '%H', '%I', '%M', '%S', '%f', '%p', '%b', '%B', '%a', '%A', '%j', '%z', '%Z', '%%', '%-m', '%-d'])

function temporal(name: 'date' | 'timestamp', options: TemporalOptions, fallback: string): ColumnTypeNode {
  const formats = options.formats ?? [fallback]
  if (formats.length === 0) throw new DslError(`col.${name}() needs at least one format`, '/columns', `e.g. col.${name}({ formats: ['${fallback}'] })`, 'DLC_INVALID_DATASET')
  for (const format of formats) {
    const unknown = (format.match(FORMAT_DIRECTIVE) ?? []).filter((directive) => !KNOWN_DIRECTIVES.has(directive))
    if (unknown.length > 0 || !format.includes('%')) {
      throw new DslError(
        `"${format}" is not a ${name} format`,
        '/columns',
        `write it in strftime notation, e.g. '%d/%m/%Y' for 24/11/2026${unknown.length > 0 ? ` (unknown: ${unknown.join(', ')})` : ''}`,
        'DLC_INVALID_DATASET',
      )
    }
  }
  return { name, formats }
}

function simple(name: ColumnTypeName): ColumnTypeNode {
  return { name }
}

/**
 * The column types of a dataset.
 * @example columns: { order_id: col.string().trim().required(), quantity: col.int().min(1) }
 */
export const col = {
  string: () => new StringColumn(simple('string')),
  int: () => new NumberColumn(simple('int')),
  /** A 64-bit integer; its value reaches queries and messages as a JSON number. */
  bigint: () => new NumberColumn(simple('bigint')),
  double: () => new NumberColumn(simple('double')),
  decimal: (precision: number, scale: number) => {
    if (!Number.isInteger(precision) || precision < 1 || precision > 38 || !Number.isInteger(scale) || scale < 0 || scale > precision) {
      throw new DslError(`decimal(${precision}, ${scale}) is not a decimal type`, '/columns', 'precision is 1-38 and scale 0..precision, e.g. col.decimal(12, 2)', 'DLC_INVALID_DATASET')
    }
    return new NumberColumn({ name: 'decimal', precision, scale })
  },
  /** true/false, t/f, yes/no, y/n, 1/0, in any case. */
  boolean: () => new Column<boolean>(simple('boolean')) as Column<boolean> & { readonly family: 'boolean' },
  date: (options: TemporalOptions = {}) => new TemporalColumn(temporal('date', options, '%Y-%m-%d')),
  timestamp: (options: TemporalOptions = {}) => new TemporalColumn(temporal('timestamp', options, '%Y-%m-%d %H:%M:%S')),
}

/** The same kind of column, never null in the processed table. */
export type NonNull<C extends AnyColumn> = {
  string: StringColumn<false>
  number: NumberColumn<false>
  temporal: TemporalColumn<false>
  boolean: Column<boolean, false>
}[C['family']]

export type AnyColumn = Column<any, boolean>

/** The row type of a set of columns: `{ order_id: string; quantity: number | null }`. */
export type InferRow<C extends { readonly [name: string]: AnyColumn }> = {
  readonly [K in keyof C]: C[K] extends { readonly __column?: { readonly value: infer T; readonly nullable: infer N } } ? (N extends true ? T | null : T) : never
}
