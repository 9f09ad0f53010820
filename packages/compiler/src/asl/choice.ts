import type { ChoiceRuleNode } from '@dlc/dsl'
import { emitLayout, type Layout } from './layout.js'
import type { AslObject } from './types.js'

const RULE_TAIL: Layout<ChoiceRuleNode> = [
  ['Condition', 'condition'],
  ['Next', 'next'],
  ['Output', 'output'],
  ['Assign', 'assign'],
  ['Comment', 'comment'],
]

/**
 * A JSONPath rule is its boolean expression's own keys (`Variable`, `StringEquals`, `And`, ...)
 * in the user's order; a JSONata rule is its `Condition`. Both then take
 * `Next, Output, Assign, Comment`.
 */
export function emitChoiceRule(rule: ChoiceRuleNode): AslObject {
  return { ...rule.rule, ...emitLayout(rule, RULE_TAIL) }
}
