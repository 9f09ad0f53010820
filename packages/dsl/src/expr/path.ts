import { DslError, EXPR, type Expr, type ExprNode, type RenderContext } from './expr.js'

/** Where a path starts: the state's input, its result, the context object, an error output or a variable. */
export type PathRoot =
  | { readonly kind: 'input' }
  | { readonly kind: 'result' }
  | { readonly kind: 'context' }
  | { readonly kind: 'errorOutput' }
  | { readonly kind: 'variable'; readonly name: string }

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/

class PathNode implements ExprNode {
  /** Accessors are immutable, so each field's accessor is made once and shared by every state that reads it. */
  private readonly children = new Map<string, unknown>()
  /** The rendered forms, kept because shared accessors are rendered once per state that reads them. */
  private jsonata: string | undefined
  private jsonataValue: string | undefined
  private jsonPath: string | undefined

  constructor(
    readonly root: PathRoot,
    readonly segments: readonly (string | number)[],
  ) {}

  child(key: string): unknown {
    let child = this.children.get(key)
    if (child === undefined) {
      const segment = /^(0|[1-9][0-9]*)$/.test(key) ? Number(key) : key
      child = accessorOf(new PathNode(this.root, [...this.segments, segment]))
      this.children.set(key, child)
    }
    return child
  }

  toJsonPath(ctx: RenderContext): string {
    const root = this.jsonPathRoot(ctx)
    if (this.root.kind === 'input' && ctx.inputBase !== undefined) return root + jsonPathOf(this.rebased(ctx))
    return (this.jsonPath ??= root + jsonPathOf(this.segments))
  }

  /** The input path relative to what InputPath selected. */
  private rebased(ctx: RenderContext): readonly (string | number)[] {
    const base = ctx.inputBase
    if (base === undefined) return this.segments
    const inside = base !== null && base.every((segment, i) => this.segments[i] === segment)
    if (!inside) {
      throw new DslError(
        `$.input.${this.segments.join('.')} is outside what InputPath selects`,
        ctx.at,
        base === null ? 'with this InputPath, write the path with rawPath(...)' : `InputPath keeps only $.${base.join('.')}`,
      )
    }
    return this.segments.slice(base.length)
  }

  toJsonata(ctx: RenderContext): string {
    const root = this.jsonataRoot(ctx)
    return (this.jsonata ??= root + this.segments.map((segment) => jsonataSegment(segment)).join(''))
  }

  toJsonataValue(ctx: RenderContext): string {
    const expression = this.toJsonata(ctx)
    return (this.jsonataValue ??= `{% ${expression} %}`)
  }

  private jsonPathRoot(ctx: RenderContext): string {
    switch (this.root.kind) {
      case 'context':
        return '$$'
      case 'variable':
        return `$${this.root.name}`
      case 'input':
        if (ctx.role === 'result') {
          throw new DslError(
            'a JSONPath result field cannot read the state input',
            ctx.at,
            'in JSONPath, `$` here is the result: use $.result, or make the state JSONata to read $states.input',
          )
        }
        return '$'
      case 'result':
      case 'errorOutput':
        if (ctx.role !== 'result') {
          throw new DslError(`the ${this.root.kind} is not available in this field`, ctx.at)
        }
        return '$'
    }
  }

  private jsonataRoot(ctx: RenderContext): string {
    switch (this.root.kind) {
      case 'context':
        return '$states.context'
      case 'variable':
        return `$${this.root.name}`
      case 'input':
        return '$states.input'
      case 'errorOutput':
        return '$states.errorOutput'
      case 'result':
        if (ctx.role !== 'result') throw new DslError('the result is not available before the state has run', ctx.at)
        return '$states.result'
    }
  }
}

function jsonPathOf(segments: readonly (string | number)[]): string {
  return segments.map((segment) => jsonPathSegment(segment)).join('')
}

function jsonPathSegment(segment: string | number): string {
  if (typeof segment === 'number') return `[${segment}]`
  return IDENTIFIER.test(segment) ? `.${segment}` : `['${segment.replace(/'/g, "\\'")}']`
}

function jsonataSegment(segment: string | number): string {
  if (typeof segment === 'number') return `[${segment}]`
  return IDENTIFIER.test(segment) ? `.${segment}` : `.\`${segment}\``
}

type FieldsOf<T> = 0 extends 1 & T
  ? any
  : [T] extends [readonly unknown[]]
    ? number extends T['length']
      ? { readonly [index: number]: Accessor<T[number]> }
      : { readonly [K in keyof T & `${number}`]: Accessor<T[K]> }
    : [T] extends [Record<string, unknown>]
      ? { readonly [K in keyof T & string]-?: Accessor<T[K]> }
      : [T] extends [object]
        ? { readonly [K in keyof T & string]-?: Accessor<T[K]> }
        : unknown

/**
 * A typed reference to a value in the state's data: `$.input.order.id`. Reading a field that
 * the type does not have is a TypeScript error, so a misspelt name never reaches AWS.
 */
export type Accessor<T> = 0 extends 1 & T ? any : Expr<T> & FieldsOf<NonNullable<T>>

/** Makes a typed accessor that builds a longer path for every field read from it. */
export function accessor<T>(root: PathRoot, segments: readonly (string | number)[] = []): Accessor<T> {
  return accessorOf(new PathNode(root, segments)) as Accessor<T>
}

function accessorOf(node: PathNode): unknown {
  return new Proxy(Object.freeze({ [EXPR]: node }), {
    get: (target, key) => (typeof key === 'symbol' ? (key === EXPR ? target[EXPR] : undefined) : node.child(key)),
  })
}

/** A path written by hand, for what the types do not describe: `path<number>('$.items[0].qty')`. */
export function rawPath<T = unknown>(jsonPath: string): Expr<T> {
  return Object.freeze({
    [EXPR]: {
      toJsonPath: () => jsonPath,
      toJsonata: (ctx: RenderContext) => {
        throw new DslError(`the JSONPath path ${jsonPath} cannot be used in a JSONata state`, ctx.at, 'use jsonata`...` instead')
      },
    },
  }) as Expr<T>
}
