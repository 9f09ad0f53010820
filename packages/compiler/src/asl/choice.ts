import type { ChoiceRuleNode } from '@dlc/dsl'
import { ordered, type Entry } from './ordered.js'
import type { AslObject } from './types.js'

/**
 * A JSONPath rule is its boolean expression's own keys (`Variable`, `StringEquals`, `And`, ...)
 * in the user's order; a JSONata rule is its `Condition`. Both then take
 * `Next, Output, Assign, Comment`.
 */
export function emitChoiceRule(rule: ChoiceRuleNode): AslObject {
  const expression: Entry[] = Object.entries(rule.rule ?? {})
  return ordered([
    ...expression,
    ['Condition', rule.condition],
    ['Next', rule.next],
    ['Output', rule.output],
    ['Assign', rule.assign],
    ['Comment', rule.comment],
  ])
}
