import type { QueryLanguage } from '../ir/states.js'

/** Marks a value as a dlc expression; the payload renderer looks for it. */
export const EXPR: unique symbol = Symbol.for('dlc.expr')
declare const TYPE: unique symbol

/**
 * Where an expression is rendered. `result` fields (Output, ResultSelector, Assign of a
 * Task/Map/Parallel) may read the state's result; in JSONPath they cannot read its input.
 */
export interface RenderContext {
  readonly language: QueryLanguage
  readonly role: 'input' | 'result'
  /** The JSON pointer of the field being rendered, for error messages. */
  readonly at: string
  /**
   * In JSONPath, what the state's InputPath selected: `$.input` accessors are rebased onto it
   * (`$.input.job.bucket` under `InputPath: $.job` is `$.bucket`). `null` when the InputPath is
   * not a plain path, so typed input accessors cannot be placed.
   */
  readonly inputBase?: readonly (string | number)[] | null | undefined
}

/** The untyped part of an expression: how it is written in each query language. */
export interface ExprNode {
  /** The JSONPath form: a path, a `$$` context path or an intrinsic function call. */
  toJsonPath(ctx: RenderContext): string
  /** The JSONata form, without the `{% %}` delimiters. */
  toJsonata(ctx: RenderContext): string
  /** The whole field value, `{% … %}`, where a node can keep it rather than build it again. */
  toJsonataValue?(ctx: RenderContext): string
}

/** A typed expression. `T` exists only for the type checker: it is the type of the value at run time. */
export interface Expr<T> {
  readonly [EXPR]: ExprNode
  readonly [TYPE]?: T
}

export function isExpr(value: unknown): value is Expr<unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && EXPR in value
}

export function exprNode(expr: Expr<unknown>): ExprNode {
  return expr[EXPR]
}

/** Wraps an expression node in a plain typed handle. */
export function expr<T>(node: ExprNode): Expr<T> {
  return Object.freeze({ [EXPR]: node }) as Expr<T>
}

/** A mistake in how a workflow is described, found while building it. */
export class DslError extends Error {
  override readonly name = 'DslError'
  constructor(
    message: string,
    readonly location: string,
    readonly hint?: string,
    /** A stable code: AWS's where AWS has one, `DLC_...` otherwise. */
    readonly code: string = 'DLC_INVALID_EXPRESSION',
  ) {
    super(`${location}: ${message}`)
  }
}

/** Renders a JSON string literal; JSONata string literals share JSON's escapes. */
export function literal(value: unknown): string {
  return JSON.stringify(value)
}
