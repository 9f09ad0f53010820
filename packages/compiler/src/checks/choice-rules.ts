import { jsonPointer, type Diagnostic } from '../diagnostics.js'
import { isRecord, type Path, type StateInfo } from './context.js'
import type { CheckRule } from './rule.js'
import { isDeferred, isTimestamp } from './values.js'

const code = 'SCHEMA_VALIDATION_FAILED'

type Operand = 'string' | 'number' | 'boolean' | 'timestamp'

/** Every JSONPath comparison operator and the value it compares with (states-language.net, "Choice Rules"). */
const OPERATORS: Readonly<Record<string, Operand | 'path'>> = (() => {
  const table: Record<string, Operand | 'path'> = { StringMatches: 'string' }
  const families: [string, Operand][] = [['String', 'string'], ['Numeric', 'number'], ['Timestamp', 'timestamp']]
  for (const [family, operand] of families) {
    for (const test of ['Equals', 'LessThan', 'GreaterThan', 'LessThanEquals', 'GreaterThanEquals']) {
      table[family + test] = operand
      table[`${family}${test}Path`] = 'path'
    }
  }
  table['BooleanEquals'] = 'boolean'
  table['BooleanEqualsPath'] = 'path'
  for (const test of ['IsNull', 'IsPresent', 'IsNumeric', 'IsString', 'IsBoolean', 'IsTimestamp']) table[test] = 'boolean'
  return table
})()

const DESCRIBED: Readonly<Record<Operand, string>> = {
  string: 'a string',
  number: 'a number',
  boolean: 'a boolean',
  timestamp: "an RFC 3339 timestamp such as '2024-08-18T17:33:00Z'",
}

function fits(operand: Operand, value: unknown): boolean {
  switch (operand) {
    case 'string':
      return typeof value === 'string'
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
    case 'boolean':
      return typeof value === 'boolean'
    case 'timestamp':
      return isTimestamp(value)
  }
}

const COMBINATORS = ['And', 'Or', 'Not'] as const

/**
 * The shape of a Choice state's rules, per states-language.net ("Choice State") and the developer
 * guide's Choice page: at least one rule; a top-level rule has `Next`, a nested one (in And, Or,
 * Not) has none; a rule is either one comparison on a `Variable` or one of And/Or (non-empty arrays
 * of rules) and Not (one rule); operands have the operator's type. Path syntax (`Variable`,
 * `...Path` operands) is the jsonpath-syntax rule's. A JSONata rule is a `Condition`
 * with a `Next`; its JSONPath-only fields are reported by the language-fields rule.
 */
export const choiceRules: CheckRule = {
  code,
  check(_definition, context) {
    const out: Diagnostic[] = []
    for (const state of context.states) {
      if (state.type !== 'Choice') continue
      const choices = state.value['Choices']
      if (!Array.isArray(choices) || choices.length === 0) {
        out.push({
          severity: 'ERROR',
          code,
          message: choices === undefined ? 'These fields are required: [Choices]' : "'Choices' must be a non-empty array of Choice Rules",
          location: jsonPointer(choices === undefined ? state.path : [...state.path, 'Choices']),
          hint: 'Give the Choice state at least one rule, each with a Next',
        })
        continue
      }
      // Nesting has no documented limit, so the rules are walked with a work list, not recursion.
      const pending: PendingRule[] = choices.map((rule: unknown, index) => ({ rule, at: ['Choices', index], topLevel: true })).reverse()
      for (let next = pending.pop(); next !== undefined; next = pending.pop()) checkRule(next, state, pending, out)
    }
    return out
  },
}

interface PendingRule {
  readonly rule: unknown
  readonly at: Path
  readonly topLevel: boolean
}

/** Checks one rule and queues its nested rules, in document order. */
function checkRule({ rule, at, topLevel }: PendingRule, state: StateInfo, pending: PendingRule[], out: Diagnostic[]): void {
  const report = (where: Path, message: string, hint?: string): void => {
    out.push({ severity: 'ERROR', code, message, location: jsonPointer([...state.path, ...where]), ...(hint === undefined ? {} : { hint }) })
  }
  if (!isRecord(rule)) {
    report(at, 'A Choice Rule must be an object')
    return
  }
  if (topLevel && typeof rule['Next'] !== 'string') {
    report(at, "These fields are required: [Next]", 'A top-level Choice Rule names the state to go to when it matches')
  }
  if (!topLevel && 'Next' in rule) {
    report([...at, 'Next'], "A Choice Rule nested in 'And', 'Or' or 'Not' cannot have 'Next'", "Put 'Next' on the top-level rule only")
  }
  if (state.language === 'JSONata') {
    if (!('Condition' in rule)) report(at, 'These fields are required: [Condition]', "A JSONata Choice Rule is a 'Condition' such as \"{% $states.input.count > 0 %}\"")
    return
  }

  // A JSONata 'Condition' in a JSONPath state is already reported by the language-fields rule.
  if ('Condition' in rule) return
  const operators = state.namesOf(rule).filter((key) => Object.hasOwn(OPERATORS, key))
  const combinators = COMBINATORS.filter((key) => key in rule)
  if ('Variable' in rule) {
    if (operators.length !== 1 || combinators.length > 0) {
      report(at, `A Choice Rule with 'Variable' must have exactly one comparison operator, found ${operators.length + combinators.length}: [${[...operators, ...combinators].join(', ')}]`, 'Split it into several rules joined by And or Or')
    }
  } else if (combinators.length !== 1 || operators.length > 0) {
    report(
      at,
      operators.length > 0
        ? `A Choice Rule with a comparison operator needs 'Variable'`
        : `A Choice Rule must have 'Variable' and one comparison operator, or exactly one of 'And', 'Or', 'Not'`,
    )
  }

  for (const operator of operators) {
    const operand = OPERATORS[operator]
    const value = rule[operator]
    if (operand !== undefined && operand !== 'path' && !fits(operand, value) && !isDeferred(value, state)) {
      report([...at, operator], `'${operator}' must be ${DESCRIBED[operand]}`)
    }
  }
  const children: PendingRule[] = []
  for (const combinator of combinators) {
    const nested = rule[combinator]
    if (combinator === 'Not') {
      if (isRecord(nested)) children.push({ rule: nested, at: [...at, 'Not'], topLevel: false })
      else report([...at, 'Not'], "'Not' must be a single Choice Rule object")
      continue
    }
    if (!Array.isArray(nested) || nested.length === 0) {
      report([...at, combinator], `'${combinator}' must be a non-empty array of Choice Rules`)
      continue
    }
    nested.forEach((inner: unknown, index) => children.push({ rule: inner, at: [...at, combinator, index], topLevel: false }))
  }
  pending.push(...children.reverse())
}
