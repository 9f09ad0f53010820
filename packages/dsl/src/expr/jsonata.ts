import { DslError, EXPR, exprNode, isExpr, literal, type Expr, type RenderContext } from './expr.js'

/**
 * A JSONata expression with typed parts: `jsonata<string>`$uppercase(${$.input.country})``.
 * The embedded accessors are checked by TypeScript; the text around them is yours.
 */
export function jsonata<T = unknown>(text: TemplateStringsArray, ...parts: readonly unknown[]): Expr<T> {
  const render = (ctx: RenderContext): string =>
    text.reduce((out, chunk, i) => {
      if (i === 0) return chunk
      const part = parts[i - 1]
      return out + (isExpr(part) ? exprNode(part).toJsonata(ctx) : literal(part)) + chunk
    }, '')
  return Object.freeze({
    [EXPR]: {
      toJsonata: render,
      toJsonPath: (ctx: RenderContext): string => {
        throw new DslError('a JSONata expression cannot be used in a JSONPath state', ctx.at, 'set queryLanguage: "JSONata" on the state')
      },
    },
  }) as unknown as Expr<T>
}
