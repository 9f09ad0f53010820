import { ChoiceRuleError, invalidRule, pathNotFound, wrongOperandType } from './failure.js'
import { comparisonOperator, isKind, KIND_DESCRIPTIONS, order, satisfies, TYPE_TESTS, type Comparison } from './operators.js'
import { wildcard } from './wildcard.js'

/** What a path selects: a value, or nothing at all (which is not the same as `null`). */
export type PathRead = { readonly found: true; readonly value: unknown } | { readonly found: false }

/** Resolves a JSONPath (`$.x`, `$$.Execution.Id`, `$var.x`) against the state's input, context object and variables. */
export type PathReader = (path: string) => PathRead

type Rule = Readonly<Record<string, unknown>>

/** Fields a rule may carry besides its test: a top-level rule's transition, assignments and note. */
const PASSIVE_FIELDS = new Set(['Next', 'Assign', 'Comment'])
const BOOLEAN_OPERATORS = ['And', 'Or', 'Not'] as const

/**
 * Evaluates one JSONPath Choice rule (a `Choices` entry, its `Next` ignored, or a nested operand
 * of And/Or/Not) as AWS does. A value of the wrong type for the operator makes the rule false; a
 * Variable path that selects nothing is a `States.Runtime` ChoiceRuleError except under IsPresent.
 * And and Or stop at the first operand that decides them.
 *
 * @example evaluateChoiceRule({ Variable: '$.value', NumericLessThan: 30 }, () => ({ found: true, value: 22 })) // true
 */
export function evaluateChoiceRule(rule: Rule, read: PathReader): boolean {
  const logic = BOOLEAN_OPERATORS.filter((operator) => operator in rule)
  if (logic.length > 1 || (logic.length === 1 && 'Variable' in rule)) {
    throw new ChoiceRuleError(invalidRule(`a rule has exactly one of And, Or, Not or Variable, got ${[...logic, ...('Variable' in rule ? ['Variable'] : [])].join(', ')}`))
  }
  const [operator] = logic
  if (operator === undefined) return evaluateDataTest(rule, read)
  checkFields(rule, [operator])
  const operands = rule[operator]
  if (operator === 'Not') return !evaluateChoiceRule(asRule(operands, 'Not'), read)
  if (!Array.isArray(operands) || operands.length === 0) throw new ChoiceRuleError(invalidRule(`${operator} must be a non-empty array of rules`))
  const rules = operands.map((operand) => asRule(operand, operator))
  return operator === 'And' ? rules.every((item) => evaluateChoiceRule(item, read)) : rules.some((item) => evaluateChoiceRule(item, read))
}

/** A data-test expression: a Variable path and exactly one comparison operator or type test. */
function evaluateDataTest(rule: Rule, read: PathReader): boolean {
  const variablePath = rule.Variable
  if (typeof variablePath !== 'string') throw new ChoiceRuleError(invalidRule('a rule needs a Variable path (or And, Or, Not)'))
  const operators = Object.keys(rule).filter((key) => key === 'IsPresent' || TYPE_TESTS.has(key) || comparisonOperator(key) !== undefined)
  if (operators.length !== 1) {
    throw new ChoiceRuleError(invalidRule(operators.length === 0 ? `the rule on '${variablePath}' has no comparison operator` : `the rule on '${variablePath}' has ${operators.length} comparison operators: ${operators.join(', ')}`))
  }
  const [operator = ''] = operators
  checkFields(rule, ['Variable', operator])
  const expected = rule[operator]
  const variable = read(variablePath)

  const typeTest = TYPE_TESTS.get(operator)
  if (operator === 'IsPresent' || typeTest !== undefined) {
    if (typeof expected !== 'boolean') throw new ChoiceRuleError(invalidRule(`${operator} must be true or false, got ${JSON.stringify(expected)}`))
    if (operator === 'IsPresent') return variable.found === expected
    if (!variable.found) throw new ChoiceRuleError(pathNotFound(variablePath))
    return typeTest?.(variable.value) === expected
  }

  const comparison = comparisonOperator(operator) as Comparison
  if (!comparison.path) literalOperand(expected, operator, comparison)
  if (!variable.found) throw new ChoiceRuleError(pathNotFound(variablePath))
  const operand = comparison.path ? readOperand(expected, operator, comparison, read) : expected
  // The pattern is compiled before the Variable's type is looked at, so a bad pattern fails whatever the input.
  const matches = comparison.relation === 'Matches' ? wildcard(operand as string) : undefined
  if (matches !== undefined) return typeof variable.value === 'string' && matches(variable.value)
  const ordering = order(comparison.kind, variable.value, operand)
  return ordering !== undefined && satisfies(comparison.relation, ordering)
}

/**
 * The value a `...Path` operand selects. Nothing selected fails like a missing Variable; a value
 * of the wrong type makes an `...EqualsPath` rule false but fails an ordering comparison.
 */
function readOperand(path: unknown, operator: string, comparison: Comparison, read: PathReader): unknown {
  if (typeof path !== 'string') throw new ChoiceRuleError(invalidRule(`${operator} must be a path, got ${JSON.stringify(path)}`))
  const operand = read(path)
  if (!operand.found) throw new ChoiceRuleError(pathNotFound(path))
  if (comparison.relation !== 'Equals' && !isKind(comparison.kind, operand.value)) throw new ChoiceRuleError(wrongOperandType(path))
  return operand.value
}

/** Checks a literal operand as AWS does when the state machine is created: a String operator takes a string, and so on. */
function literalOperand(value: unknown, operator: string, comparison: Comparison): void {
  if (!isKind(comparison.kind, value)) throw new ChoiceRuleError(invalidRule(`${operator} must be ${KIND_DESCRIPTIONS[comparison.kind]}, got ${JSON.stringify(value)}`))
}

function asRule(value: unknown, operator: string): Rule {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ChoiceRuleError(invalidRule(`${operator} takes ${operator === 'Not' ? 'a rule' : 'rules'} (objects), got ${JSON.stringify(value)}`))
  }
  return value as Rule
}

/** Refuses fields no rule has, so a misspelt operator is reported rather than silently ignored. */
function checkFields(rule: Rule, used: readonly string[]): void {
  const unknown = Object.keys(rule).filter((key) => !used.includes(key) && !PASSIVE_FIELDS.has(key))
  if (unknown.length > 0) throw new ChoiceRuleError(invalidRule(`unexpected field${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} next to ${used.join(' and ')}`))
}
