/**
 * The parsed form of a JSONPath, as Step Functions' engine (Jayway JsonPath) reads it. Every node
 * is frozen: parsed paths are cached and shared between executions.
 */

/** Where a path starts: `$` the state input, `$$` the context object, `$name` a variable. */
export type PathRoot = { readonly kind: 'input' } | { readonly kind: 'context' } | { readonly kind: 'variable'; readonly name: string }

/** One step of a path; `at` is its offset in the path text, for messages. */
export type PathStep =
  /** `.name` or `['name']` */
  | { readonly kind: 'name'; readonly name: string; readonly at: number }
  /** `['a','b']`: as the last step, one object of the names found (Jayway merges them); else each name in turn */
  | { readonly kind: 'names'; readonly names: readonly string[]; readonly at: number }
  /** `[2]`, `[-1]` (from the end) */
  | { readonly kind: 'index'; readonly index: number; readonly at: number }
  /** `[0,2]` */
  | { readonly kind: 'indexes'; readonly indexes: readonly number[]; readonly at: number }
  /** `[1:3]`, `[:2]`, `[-2:]`: Jayway's bounds rules, not Python's */
  | { readonly kind: 'slice'; readonly from: number | undefined; readonly to: number | undefined; readonly at: number }
  /** `*` or `[*]`: every member of an object or item of an array */
  | { readonly kind: 'wildcard'; readonly at: number }
  /** `..`: the next step applied at every depth */
  | { readonly kind: 'descendants'; readonly at: number }
  /** `[?(...)]` */
  | { readonly kind: 'filter'; readonly filter: FilterExpression; readonly at: number }
  /** `.length()` and the like: parsed, but selects nothing, as on AWS */
  | { readonly kind: 'function'; readonly name: string; readonly at: number }

/** The steps of a path, and how many of them select one node each. */
export interface Selector {
  readonly steps: readonly PathStep[]
  /**
   * True when the path can select at most one node (Jayway's "definite" path: names, single
   * indexes, a trailing `['a','b']`): reading it gives the value itself rather than a list.
   */
  readonly definite: boolean
  /** How many leading steps are definite; a missing node before this point makes the whole read fail. */
  readonly definitePrefix: number
}

/** A path as written in a state's field. */
export interface ParsedPath extends Selector {
  readonly text: string
  readonly root: PathRoot
}

/** A value a filter compares, in Jayway's terms. */
export type FilterValue =
  | { readonly type: 'number'; readonly value: number; readonly text: string }
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'boolean'; readonly value: boolean }
  | { readonly type: 'null' }
  | { readonly type: 'json'; readonly value: unknown }
  | { readonly type: 'pattern'; readonly value: RegExp }
  | { readonly type: 'undefined' }

/** One side of a comparison: a path from the current item (`@`) or the document (`$`), or a literal. */
export type FilterOperand =
  | { readonly kind: 'path'; readonly from: 'item' | 'document'; readonly text: string; readonly selector: Selector }
  | { readonly kind: 'literal'; readonly value: FilterValue }

export type RelationalOperator = '==' | '!=' | '<' | '<=' | '>' | '>=' | '=~' | 'in' | 'nin' | 'subsetof' | 'anyof' | 'noneof' | 'size' | 'empty'

export type FilterExpression =
  /** Tests tried in this order until one decides (Jayway's order, which matters only when a test refuses the item). */
  | { readonly kind: 'and' | 'or'; readonly operands: readonly FilterExpression[] }
  | { readonly kind: 'exists'; readonly operand: Extract<FilterOperand, { kind: 'path' }>; readonly negated: boolean }
  | { readonly kind: 'compare'; readonly operator: RelationalOperator; readonly left: FilterOperand; readonly right: FilterOperand }

/**
 * Freezes a freshly built node (its arrays too), so a cached path cannot be changed by a caller.
 *
 * @example frozen({ kind: 'wildcard', at: 2 })
 */
export function frozen<T extends object>(node: T): T {
  for (const value of Object.values(node)) if (Array.isArray(value)) Object.freeze(value)
  return Object.freeze(node)
}
