export { evaluateChoiceRule, type PathRead, type PathReader } from './evaluate.js'
export { ChoiceRuleError } from './failure.js'
export { parseTimestamp, compareInstants, type Instant } from './timestamp.js'
