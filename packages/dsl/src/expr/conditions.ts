import type { JsonObject } from '../ir/json.js'
import { DslError, exprNode, isExpr, literal, type Expr, type RenderContext } from './expr.js'

/**
 * A Choice condition. It renders either as a JSONPath Choice rule (`Variable` +
 * comparison operator) or as a JSONata `Condition`, so one condition serves both languages.
 */
export interface Condition {
  readonly toChoiceRule: (ctx: RenderContext) => JsonObject
  readonly toJsonata: (ctx: RenderContext) => string
}

/** The operand families of JSONPath comparison operators. */
export type ComparisonType = 'String' | 'Numeric' | 'Boolean' | 'Timestamp'

const OPERATORS = { eq: 'Equals', lt: 'LessThan', le: 'LessThanEquals', gt: 'GreaterThan', ge: 'GreaterThanEquals' } as const
const JSONATA_OPERATORS = { eq: '=', lt: '<', le: '<=', gt: '>', ge: '>=' } as const
type Operator = keyof typeof OPERATORS

/** A timestamp literal, compared with the Timestamp operators rather than as a string. */
export interface TimestampLiteral {
  readonly timestamp: string
}

export function timestamp(value: string): TimestampLiteral {
  return Object.freeze({ timestamp: value })
}

type Operand<T> = T | Expr<T> | (T extends string ? TimestampLiteral : never)

function isTimestampLiteral(value: unknown): value is TimestampLiteral {
  return typeof value === 'object' && value !== null && !isExpr(value) && 'timestamp' in value
}

function variable(left: Expr<unknown>, ctx: RenderContext): string {
  return exprNode(left).toJsonPath(ctx)
}

function comparisonType(right: unknown, declared: ComparisonType | undefined, ctx: RenderContext): ComparisonType {
  if (declared) return declared
  if (isTimestampLiteral(right)) return 'Timestamp'
  if (typeof right === 'string') return 'String'
  if (typeof right === 'number') return 'Numeric'
  if (typeof right === 'boolean') return 'Boolean'
  throw new DslError(
    'comparing two paths needs the operand type in JSONPath',
    ctx.at,
    "pass it as the third argument, e.g. eq($.input.a, $.input.b, 'Numeric')",
  )
}

function compare(op: Operator) {
  return <T>(left: Expr<T>, right: Operand<T>, type?: ComparisonType): Condition => ({
    toChoiceRule(ctx) {
      const kind = comparisonType(right, type, ctx)
      if (kind === 'Boolean' && op !== 'eq') throw new DslError('booleans can only be compared for equality', ctx.at)
      const name = `${kind}${OPERATORS[op]}`
      if (isExpr(right)) return { Variable: variable(left, ctx), [`${name}Path`]: exprNode(right).toJsonPath(ctx) }
      return { Variable: variable(left, ctx), [name]: isTimestampLiteral(right) ? right.timestamp : (right as string | number | boolean) }
    },
    toJsonata(ctx) {
      const l = exprNode(left).toJsonata(ctx)
      if (isTimestampLiteral(right) || type === 'Timestamp') {
        const r = isTimestampLiteral(right) ? literal(right.timestamp) : operand(right, ctx)
        return `$toMillis(${l}) ${JSONATA_OPERATORS[op]} $toMillis(${r})`
      }
      return `${l} ${JSONATA_OPERATORS[op]} ${operand(right, ctx)}`
    },
  })
}

function operand(value: unknown, ctx: RenderContext): string {
  return isExpr(value) ? exprNode(value).toJsonata(ctx) : literal(value)
}

/** `$.input.status` equals `'DONE'` (String/Numeric/Boolean/Timestamp chosen from the operand). */
export const eq = compare('eq')
export const lt = compare('lt')
export const le = compare('le')
export const gt = compare('gt')
export const ge = compare('ge')

/** Glob match with `*` as the wildcard, as JSONPath's StringMatches (`\\*` is a literal star). */
export function matches(left: Expr<string | undefined>, pattern: string): Condition {
  return {
    toChoiceRule: (ctx) => ({ Variable: variable(left, ctx), StringMatches: pattern }),
    toJsonata: (ctx) => `$contains(${exprNode(left).toJsonata(ctx)}, /${globToRegex(pattern)}/)`,
  }
}

function globToRegex(glob: string): string {
  let out = '^'
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string
    if (c === '\\' && glob[i + 1] === '*') {
      out += '\\*'
      i++
    } else if (c === '*') out += '.*'
    else out += c.replace(/[.+?^${}()|[\]\\/]/g, '\\$&')
  }
  return `${out}$`
}

type TypeTest = 'IsNull' | 'IsPresent' | 'IsNumeric' | 'IsString' | 'IsBoolean' | 'IsTimestamp'

const JSONATA_TYPE_TESTS: Record<TypeTest, (v: string) => string> = {
  IsNull: (v) => `${v} = null`,
  IsPresent: (v) => `$exists(${v})`,
  IsNumeric: (v) => `$type(${v}) = "number"`,
  IsString: (v) => `$type(${v}) = "string"`,
  IsBoolean: (v) => `$type(${v}) = "boolean"`,
  IsTimestamp: (v) => `($type(${v}) = "string" and $contains(${v}, /^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$/))`,
}

function typeTest(test: TypeTest) {
  return (value: Expr<unknown>, expected = true): Condition => ({
    toChoiceRule: (ctx) => ({ Variable: variable(value, ctx), [test]: expected }),
    toJsonata: (ctx) => {
      const text = JSONATA_TYPE_TESTS[test](exprNode(value).toJsonata(ctx))
      return expected ? text : `$not(${text})`
    },
  })
}

export const isNull = typeTest('IsNull')
export const isPresent = typeTest('IsPresent')
export const isNumeric = typeTest('IsNumeric')
export const isString = typeTest('IsString')
export const isBoolean = typeTest('IsBoolean')
export const isTimestamp = typeTest('IsTimestamp')

export function and(...conditions: readonly Condition[]): Condition {
  return combine('And', 'and', conditions)
}

export function or(...conditions: readonly Condition[]): Condition {
  return combine('Or', 'or', conditions)
}

function combine(rule: 'And' | 'Or', word: string, conditions: readonly Condition[]): Condition {
  return {
    toChoiceRule: (ctx) => ({ [rule]: conditions.map((c) => c.toChoiceRule(ctx)) }),
    toJsonata: (ctx) => conditions.map((c) => `(${c.toJsonata(ctx)})`).join(` ${word} `),
  }
}

export function not(condition: Condition): Condition {
  return {
    toChoiceRule: (ctx) => ({ Not: condition.toChoiceRule(ctx) }),
    toJsonata: (ctx) => `$not(${condition.toJsonata(ctx)})`,
  }
}

/** A JSONata boolean expression used as a condition as it is (JSONata states only). */
export function condition(value: Expr<boolean>): Condition {
  return {
    toChoiceRule: (ctx) => {
      throw new DslError('a JSONata expression cannot be a JSONPath Choice rule', ctx.at, 'use eq/gt/... or make the Choice JSONata')
    },
    toJsonata: (ctx) => exprNode(value).toJsonata(ctx),
  }
}
