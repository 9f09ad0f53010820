import { DslError, expr, exprNode, isExpr, type Expr, type RenderContext } from './expr.js'

type Arg<T> = T | Expr<T>

/** How an intrinsic is written in JSONata, where Step Functions has an equivalent. */
type JsonataForm = (args: readonly string[]) => string

class IntrinsicNode {
  constructor(
    readonly name: string,
    readonly args: readonly unknown[],
    readonly jsonataForm?: JsonataForm,
  ) {}

  toJsonPath(ctx: RenderContext): string {
    return `States.${this.name}(${this.args.map((arg) => intrinsicArgument(arg, ctx)).join(', ')})`
  }

  toJsonata(ctx: RenderContext): string {
    if (!this.jsonataForm) {
      throw new DslError(
        `States.${this.name} is a JSONPath intrinsic function`,
        ctx.at,
        'in a JSONata state write the expression with jsonata`...`',
      )
    }
    return this.jsonataForm(this.args.map((arg) => (isExpr(arg) ? exprNode(arg).toJsonata(ctx) : JSON.stringify(arg))))
  }
}

/** Intrinsic arguments: paths and nested calls as they are, strings in single quotes with `'{}\` escaped. */
function intrinsicArgument(arg: unknown, ctx: RenderContext): string {
  if (isExpr(arg)) return exprNode(arg).toJsonPath(ctx)
  if (arg instanceof FormatTemplate) return `'${arg.text.replace(/'/g, "\\'")}'`
  if (typeof arg === 'string') return `'${arg.replace(/[\\'{}]/g, (c) => `\\${c}`)}'`
  if (typeof arg === 'number' || typeof arg === 'boolean' || arg === null) return String(arg)
  throw new DslError(`an intrinsic function argument must be a path, string, number, boolean or null`, ctx.at)
}

/** The template of States.Format: its `{}` are placeholders, so only quotes are escaped. */
class FormatTemplate {
  constructor(readonly text: string) {}
}

function call<T>(name: string, args: readonly unknown[], jsonataForm?: JsonataForm): Expr<T> {
  return expr<T>(new IntrinsicNode(name, args, jsonataForm))
}

const fn =
  (name: string): JsonataForm =>
  (args) =>
    `$${name}(${args.join(', ')})`

/**
 * The 18 intrinsic functions of JSONPath states. Where JSONata has the same function the
 * call also renders in a JSONata state (`States.ArrayLength(x)` becomes `$count(x)`).
 */
export const States = {
  /** `States.Format('Hello {}', $.name)` */
  Format: (template: Arg<string>, ...args: readonly Arg<unknown>[]) =>
    call<string>('Format', [typeof template === 'string' ? new FormatTemplate(template) : template, ...args]),
  StringToJson: <T = unknown>(text: Arg<string>) => call<T>('StringToJson', [text], fn('parse')),
  JsonToString: (value: Expr<unknown>) => call<string>('JsonToString', [value], fn('string')),
  Array: <T>(...items: readonly Arg<T>[]) => call<T[]>('Array', items, (args) => `[${args.join(', ')}]`),
  ArrayPartition: <T>(array: Expr<readonly T[]>, size: Arg<number>) =>
    call<T[][]>('ArrayPartition', [array, size], fn('partition')),
  ArrayContains: <T>(array: Expr<readonly T[]>, value: Arg<T>) =>
    call<boolean>('ArrayContains', [array, value], ([a, v]) => `(${v} in ${a})`),
  ArrayRange: (start: Arg<number>, end: Arg<number>, step: Arg<number>) =>
    call<number[]>('ArrayRange', [start, end, step], fn('range')),
  ArrayGetItem: <T>(array: Expr<readonly T[]>, index: Arg<number>) =>
    call<T>('ArrayGetItem', [array, index], ([a, i]) => `${a}[${i}]`),
  ArrayLength: (array: Expr<readonly unknown[]>) => call<number>('ArrayLength', [array], fn('count')),
  ArrayUnique: <T>(array: Expr<readonly T[]>) => call<T[]>('ArrayUnique', [array], fn('distinct')),
  Base64Encode: (text: Arg<string>) => call<string>('Base64Encode', [text], fn('base64encode')),
  Base64Decode: (text: Arg<string>) => call<string>('Base64Decode', [text], fn('base64decode')),
  Hash: (data: Arg<unknown>, algorithm: Arg<'MD5' | 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512'>) =>
    call<string>('Hash', [data, algorithm], fn('hash')),
  /** Shallow merge only: Step Functions requires the third argument to be `false`. */
  JsonMerge: <A, B>(a: Expr<A>, b: Expr<B>) =>
    call<A & B>('JsonMerge', [a, b, false], ([x, y]) => `$merge([${x}, ${y}])`),
  MathRandom: (start: Arg<number>, end: Arg<number>, seed?: Arg<number>) =>
    call<number>('MathRandom', seed === undefined ? [start, end] : [start, end, seed]),
  MathAdd: (a: Arg<number>, b: Arg<number>) => call<number>('MathAdd', [a, b], ([x, y]) => `(${x} + ${y})`),
  StringSplit: (text: Arg<string>, separator: Arg<string>) =>
    call<string[]>('StringSplit', [text, separator], fn('split')),
  UUID: () => call<string>('UUID', [], () => '$uuid()'),
} as const

export type IntrinsicName = keyof typeof States
