import { jsonPointer, type Diagnostic } from '../diagnostics.js'
import type { Path, StateInfo } from './context.js'
import { didYouMean } from '@dlc/dsl'
import type { CheckRule } from './rule.js'
import { dynamicFields, pathFields } from './syntax/fields.js'
import { looksLikeIntrinsic, parseIntrinsic, type IntrinsicArgument, type IntrinsicCall } from './syntax/intrinsic.js'
import { parsePath } from './syntax/jsonpath.js'

const code = 'SCHEMA_VALIDATION_FAILED'

/**
 * How many arguments each intrinsic takes, from the developer guide's "Intrinsic functions" page:
 * States.Array takes any number, States.Format at least its template, States.MathRandom a start,
 * an end and an optional seed.
 */
const ARITY: Readonly<Record<string, readonly [min: number, max: number]>> = {
  'States.Format': [1, Infinity],
  'States.StringToJson': [1, 1],
  'States.JsonToString': [1, 1],
  'States.Array': [0, Infinity],
  'States.ArrayPartition': [2, 2],
  'States.ArrayContains': [2, 2],
  'States.ArrayRange': [3, 3],
  'States.ArrayGetItem': [2, 2],
  'States.ArrayLength': [1, 1],
  'States.ArrayUnique': [1, 1],
  'States.Base64Encode': [1, 1],
  'States.Base64Decode': [1, 1],
  'States.Hash': [2, 2],
  'States.JsonMerge': [3, 3],
  'States.MathRandom': [2, 3],
  'States.MathAdd': [2, 2],
  'States.StringSplit': [2, 2],
  'States.UUID': [0, 0],
}

/** The guide allows up to 10 intrinsics nested within one field. */
const MAX_NESTING = 10

/**
 * Intrinsic function calls in JSONPath states (`.$` payload values, Fail's ErrorPath and CausePath)
 * parse, name one of the 18 functions and pass it as many arguments as it takes; a literal
 * States.Format template has one `{}` per remaining argument; path arguments are Paths.
 */
export const intrinsicFunctions: CheckRule = {
  code,
  check(_definition, context) {
    const out: Diagnostic[] = []
    for (const state of context.states) {
      if (state.language !== 'JSONPath') continue
      for (const field of dynamicFields(state)) {
        const { key, value } = field
        if (typeof value === 'string' && !value.startsWith('$') && looksLikeIntrinsic(value)) checkExpression(state, key, value, field, out)
      }
      for (const field of pathFields(state)) {
        const { name, value, kind } = field
        if (kind !== 'path-or-intrinsic' || typeof value !== 'string' || value.startsWith('$')) continue
        if (looksLikeIntrinsic(value)) checkExpression(state, name, value, field, out)
        else out.push(error(state, field.at, `The value for the field '${name}' must be a valid JSONPath or a valid intrinsic function call`))
      }
    }
    return out
  },
}

/** Checks one intrinsic call; `where.at` is its path, spelled out for a diagnostic only. */
function checkExpression(state: StateInfo, field: string, text: string, where: { readonly at: Path }, out: Diagnostic[]): void {
  const result = parseIntrinsic(text)
  if (!result.ok) {
    out.push(error(state, where.at, `The value for the field '${field}' must be a valid intrinsic function call: ${result.message} (at character ${result.index + 1})`))
    return
  }
  const report = (message: string, hint?: string): void => {
    const diagnostic = error(state, where.at, `The value for the field '${field}' is not a valid intrinsic function call: ${message}`)
    out.push(hint === undefined ? diagnostic : { ...diagnostic, hint })
  }
  visitCall(result.call, 1, report)
}

function visitCall(call: IntrinsicCall, depth: number, report: (message: string, hint?: string) => void): void {
  if (depth === MAX_NESTING + 1) report(`more than ${MAX_NESTING} intrinsic functions are nested`)
  const arity = ARITY[call.name]
  if (arity === undefined) {
    const suggestion = didYouMean(call.name, Object.keys(ARITY))
    report(`'${call.name}' is not an intrinsic function`, suggestion === undefined ? `Intrinsic functions are ${Object.keys(ARITY).join(', ')}` : `Did you mean "${suggestion}"?`)
  } else {
    const [min, max] = arity
    const count = call.args.length
    if (count < min || count > max) report(`${call.name} takes ${describeArity(min, max)}, not ${count}`)
    else if (call.name === 'States.Format') checkFormat(call, report)
  }
  for (const arg of call.args) visitArgument(arg, depth, report)
}

function visitArgument(arg: IntrinsicArgument, depth: number, report: (message: string, hint?: string) => void): void {
  if (arg.kind === 'call') return visitCall(arg, depth + 1, report)
  if (arg.kind !== 'path') return
  const result = parsePath(arg.text)
  if (!result.ok) report(`argument '${arg.text}' is not a valid JSONPath: ${result.message}`)
}

/** The guide: "There must be as many remaining arguments in the Invocation as there are occurrences of {}". */
function checkFormat(call: IntrinsicCall, report: (message: string, hint?: string) => void): void {
  const [template] = call.args
  if (template?.kind !== 'string') return
  const values = call.args.length - 1
  if (template.placeholders !== values) {
    report(
      `the States.Format template has ${template.placeholders} '{}' placeholder(s) but ${values} value argument(s)`,
      "Pass one argument per '{}', or escape a literal brace as \\\\{ in JSON",
    )
  }
}

function describeArity(min: number, max: number): string {
  const plural = (n: number): string => `${n} argument${n === 1 ? '' : 's'}`
  if (max === Infinity) return `at least ${plural(min)}`
  if (min === max) return `exactly ${plural(min)}`
  return `${min} to ${max} arguments`
}

function error(state: StateInfo, at: Path, message: string): Diagnostic {
  return { severity: 'ERROR', code, message, location: jsonPointer([...state.path, ...at]) }
}
