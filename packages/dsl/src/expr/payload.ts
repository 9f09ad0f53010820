import type { Json, JsonObject } from '../ir/json.js'
import type { ResourceRefNode } from '../ir/machine.js'
import { DslError, exprNode, isExpr, type Expr, type RenderContext } from './expr.js'
import { isResourceRef, type ResourceRef } from './resource-ref.js'

/** A payload template: JSON whose leaves may be typed expressions or references to AWS resources. */
export type Payload =
  | null
  | boolean
  | number
  | string
  | Expr<unknown>
  | ResourceRef
  | readonly Payload[]
  | { readonly [key: string]: Payload | undefined }

/** The type a payload template has at run time: every expression replaced by its value's type. */
export type Resolve<P> =
  P extends Expr<infer T>
    ? T
    : P extends ResourceRef
      ? string
      : P extends readonly unknown[]
        ? { -readonly [I in keyof P]: Resolve<P[I]> }
        : P extends object
          ? { -readonly [K in keyof P]: Resolve<P[K]> }
          : P

/** What a whole field shares while it is rendered. */
export interface FieldSettings extends Omit<RenderContext, 'at'> {
  /** Records a resource the rendered value refers to through a `${Id}` placeholder. */
  readonly use: (ref: ResourceRefNode) => void
}

/**
 * Where in a field a value is rendered. The JSON pointer is spelled out only when an error
 * needs it: a large workflow renders hundreds of thousands of values and reports none.
 */
export class PayloadContext implements RenderContext {
  constructor(
    readonly field: FieldSettings,
    private readonly parent: PayloadContext | string,
    private readonly key?: string | number,
  ) {}

  get language() {
    return this.field.language
  }

  get role() {
    return this.field.role
  }

  get inputBase() {
    return this.field.inputBase
  }

  get at(): string {
    if (typeof this.parent === 'string') return this.parent
    return `${this.parent.at}/${String(this.key).replace(/~/g, '~0').replace(/\//g, '~1')}`
  }

  use(ref: ResourceRefNode): void {
    this.field.use(ref)
  }

  child(key: string | number): PayloadContext {
    return new PayloadContext(this.field, this, key)
  }
}

/** Renders a template as the value of an ASL field: `{% %}` strings in JSONata, `.$` keys in JSONPath. */
export function renderPayload(value: Payload, ctx: PayloadContext): Json {
  if (isExpr(value)) {
    const node = exprNode(value)
    if (ctx.language === 'JSONata') return node.toJsonataValue?.(ctx) ?? `{% ${node.toJsonata(ctx)} %}`
    throw new DslError(
      'a JSONPath field takes a path only as the value of an object key',
      ctx.at,
      'wrap it in an object: { value: $.input.x } becomes { "value.$": "$.x" }',
    )
  }
  if (isResourceRef(value)) {
    ctx.use(value.ref)
    return `\${${value.ref.id}}`
  }
  if (Array.isArray(value)) return value.map((item, i) => renderArrayItem(item as Payload, ctx.child(i)))
  if (value !== null && typeof value === 'object') return renderObject(value as Record<string, Payload>, ctx)
  return value as Json
}

function renderArrayItem(item: Payload, ctx: PayloadContext): Json {
  if (ctx.language === 'JSONPath' && isExpr(item)) {
    throw new DslError('JSONPath cannot put a path inside an array', ctx.at, 'use States.Array(...) to build the array')
  }
  return renderPayload(item, ctx)
}

/** Renders an object template; keys keep the user's order. */
export function renderObject(value: { readonly [key: string]: Payload | undefined }, ctx: PayloadContext): JsonObject {
  const out: Record<string, Json> = {}
  for (const key in value) {
    const field = value[key]
    if (field === undefined) continue
    const fieldCtx = ctx.child(key)
    if (ctx.language === 'JSONPath' && isExpr(field)) out[`${key}.$`] = exprNode(field).toJsonPath(fieldCtx)
    else out[key] = renderPayload(field, fieldCtx)
  }
  return out
}
