import type { ColumnTypeNode, ValueFunction, ValueNode } from './ir.js'

/**
 * A typed expression over one row, for derived columns: `c.quantity.times(c.unit_price)`.
 * It is rendered to SQL by the compiler (DuckDB and Spark alike), so only the operations
 * below exist: a JavaScript operator on a column would be invisible to the compiler.
 */
export class Value<T> {
  declare readonly __value?: T

  constructor(
    readonly node: ValueNode,
    /** The type the value has in the processed table. */
    readonly type: ColumnTypeNode,
  ) {}

  /** The value, or `fallback` where it is null. */
  orElse(fallback: Value<T> | (T & (string | number | boolean))): this {
    const other = toValue(fallback)
    return rebuild(this, call('coalesce', [this.node, other.node]), this.type)
  }
}

type NumberLike = NumberValue | number

export class NumberValue extends Value<number> {
  plus(other: NumberLike): NumberValue {
    return this.arithmetic('add', other)
  }

  minus(other: NumberLike): NumberValue {
    return this.arithmetic('subtract', other)
  }

  times(other: NumberLike): NumberValue {
    return this.arithmetic('multiply', other)
  }

  /** Division is always a double: 7 / 2 is 3.5, as in Athena with a cast. */
  div(other: NumberLike): NumberValue {
    return new NumberValue(call('divide', [this.node, toNumber(other).node]), { name: 'double' })
  }

  /** Rounds half away from zero to `digits` places (decimals keep a decimal type). */
  round(digits = 0): NumberValue {
    const type: ColumnTypeNode = this.type.name === 'decimal' ? { name: 'decimal', precision: 38, scale: digits } : this.type
    return new NumberValue(call('round', [this.node, literal(digits)]), type)
  }

  private arithmetic(fn: 'add' | 'subtract' | 'multiply', other: NumberLike): NumberValue {
    const right = toNumber(other)
    return new NumberValue(call(fn, [this.node, right.node]), arithmeticType(fn, this.type, right.type))
  }
}

export class StringValue extends Value<string> {
  upper(): StringValue {
    return new StringValue(call('upper', [this.node]), this.type)
  }

  lower(): StringValue {
    return new StringValue(call('lower', [this.node]), this.type)
  }

  /** Joins texts; a null part makes the whole value null, as SQL's `||` does. */
  concat(...parts: readonly (StringValue | string)[]): StringValue {
    return new StringValue(call('concat', [this.node, ...parts.map((part) => toValue(part).node)]), this.type)
  }
}

export class DateValue extends Value<string> {
  year(): NumberValue {
    return this.part('year')
  }

  month(): NumberValue {
    return this.part('month')
  }

  day(): NumberValue {
    return this.part('day')
  }

  private part(fn: 'year' | 'month' | 'day'): NumberValue {
    return new NumberValue(call(fn, [this.node]), { name: 'int' })
  }
}

export function columnValue(column: string, type: ColumnTypeNode): Value<unknown> {
  const node: ValueNode = { kind: 'ColumnRef', column }
  switch (type.name) {
    case 'string':
      return new StringValue(node, type)
    case 'date':
    case 'timestamp':
      return new DateValue(node, type)
    case 'boolean':
      return new Value<boolean>(node, type)
    default:
      return new NumberValue(node, type)
  }
}

function call(fn: ValueFunction, args: readonly ValueNode[]): ValueNode {
  return { kind: 'Call', fn, args }
}

function literal(value: string | number | boolean): ValueNode {
  return { kind: 'Literal', value }
}

function literalType(value: string | number | boolean): ColumnTypeNode {
  if (typeof value === 'string') return { name: 'string' }
  if (typeof value === 'boolean') return { name: 'boolean' }
  return { name: Number.isInteger(value) ? 'int' : 'double' }
}

function toValue(value: Value<unknown> | string | number | boolean): Value<unknown> {
  return value instanceof Value ? value : new Value(literal(value), literalType(value))
}

function toNumber(value: NumberLike): NumberValue {
  return typeof value === 'number' ? new NumberValue(literal(value), literalType(value)) : value
}

function rebuild<V extends Value<unknown>>(like: V, node: ValueNode, type: ColumnTypeNode): V {
  const Kind = like.constructor as new (node: ValueNode, type: ColumnTypeNode) => V
  return new Kind(node, type)
}

/**
 * The result type of `+ - *` as SQL engines type it: integers stay integers (widened to
 * bigint), any double makes a double, decimals keep exact digits.
 */
function arithmeticType(fn: 'add' | 'subtract' | 'multiply', left: ColumnTypeNode, right: ColumnTypeNode): ColumnTypeNode {
  if (left.name === 'double' || right.name === 'double') return { name: 'double' }
  const leftScale = left.name === 'decimal' ? (left.scale ?? 0) : 0
  const rightScale = right.name === 'decimal' ? (right.scale ?? 0) : 0
  if (left.name !== 'decimal' && right.name !== 'decimal') return { name: 'bigint' }
  const scale = fn === 'multiply' ? leftScale + rightScale : Math.max(leftScale, rightScale)
  return { name: 'decimal', precision: 38, scale: Math.min(scale, 38) }
}
