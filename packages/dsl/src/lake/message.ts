import { EXPR, exprNode, isExpr, type Expr, type RenderContext } from '../expr/expr.js'

/**
 * A message template: text with typed values, rendered as JSONata that joins the parts,
 * each value through `$string()`, so a number or a missing field never breaks the message.
 * @example text`Batch ${run.batchDate}: ${run.salesEtl.rowsWritten} rows written`
 */
export function text(strings: TemplateStringsArray, ...values: readonly (Expr<unknown> | string | number)[]): Expr<string> {
  const render = (ctx: RenderContext): string => {
    const parts: string[] = []
    let literal = ''
    const flush = () => {
      if (literal !== '') parts.push(JSON.stringify(literal))
      literal = ''
    }
    strings.forEach((chunk, index) => {
      literal += chunk
      const value = values[index]
      if (index >= values.length || value === undefined) return
      if (!isExpr(value)) {
        literal += String(value)
        return
      }
      flush()
      parts.push(`$string(${exprNode(value).toJsonata(ctx)})`)
    })
    flush()
    return parts.length === 0 ? '""' : parts.join(' & ')
  }
  return Object.freeze({
    [EXPR]: {
      toJsonata: render,
      toJsonPath: (ctx: RenderContext): string => {
        throw new Error(`${ctx.at}: text\`\` messages are JSONata; pipelines are JSONata machines`)
      },
    },
  }) as unknown as Expr<string>
}
