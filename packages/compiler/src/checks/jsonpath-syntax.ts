import { jsonPointer, type Diagnostic } from '../diagnostics.js'
import type { Path, StateInfo } from './context.js'
import type { CheckRule } from './rule.js'
import { choiceRulePaths, dynamicFields, pathFields, type PathField } from './syntax/fields.js'
import { looksLikeIntrinsic } from './syntax/intrinsic.js'
import { isPlainPath, isReferencePath, parsePath } from './syntax/jsonpath.js'

const code = 'SCHEMA_VALIDATION_FAILED'

/**
 * Paths in JSONPath states parse: InputPath/OutputPath (Paths, or null), ResultPath and ItemsPath
 * (Reference Paths: one node, no `@ , : ?`, wildcards or descent), every other `...Path` field,
 * Choice `Variable` and `...Path` operands, and `.$` payload-template values that are paths.
 * Intrinsic calls are left to the intrinsic-functions rule.
 */
export const jsonpathSyntax: CheckRule = {
  code,
  check(_definition, context) {
    const out: Diagnostic[] = []
    for (const state of context.states) {
      if (state.language !== 'JSONPath') continue
      for (const field of pathFields(state)) checkField(state, field, out)
      for (const field of choiceRulePaths(state)) checkField(state, field, out)
      for (const field of dynamicFields(state)) {
        const { key, value } = field
        if (typeof value !== 'string') {
          out.push(error(state, field.at, `The value for the field '${key}' must be a STRING that contains a JSONPath or an intrinsic function`))
        } else if (value.startsWith('$')) {
          const problem = pathProblem(value, 'path')
          if (problem !== undefined) out.push(error(state, field.at, `The value for the field '${key}' must be a valid JSONPath: ${problem}`))
        } else if (!looksLikeIntrinsic(value)) {
          out.push({
            ...error(state, field.at, `The value for the field '${key}' must be a valid JSONPath or a valid intrinsic function call`),
            hint: `Start it with '$.' (state input), '$$.' (Context Object) or '$name' (a variable), or remove '.$' from '${key}' to pass the string as is`,
          })
        }
      }
    }
    return out
  },
}

const NULLABLE = new Set(['InputPath', 'OutputPath', 'ResultPath'])

function checkField(state: StateInfo, field: PathField, out: Diagnostic[]): void {
  const { value, name, kind } = field
  if (value === null && NULLABLE.has(name)) return
  if (typeof value !== 'string') {
    out.push(error(state, field.at, `The value for the field '${name}' must be a STRING`))
    return
  }
  if (kind === 'path-or-intrinsic' && !value.startsWith('$')) return
  const problem = pathProblem(value, kind === 'reference' ? 'reference' : 'path')
  if (problem === undefined) return
  const what = kind === 'reference' ? 'ReferencePath' : 'JSONPath'
  out.push(error(state, field.at, `The value for the field '${name}' must be a valid ${what}: ${problem}`))
}

/** Why a string is not a Path (or Reference Path), or undefined when it is one. */
function pathProblem(text: string, kind: 'path' | 'reference'): string | undefined {
  if (isPlainPath(text)) return undefined
  const result = parsePath(text)
  if (!result.ok) return `${result.message} (at character ${result.index + 1} of '${text}')`
  if (kind === 'reference' && !isReferencePath(result.path)) {
    return `'${text}' may select more than one node; a Reference Path has no filters, wildcards, slices, unions, '..' or functions`
  }
  return undefined
}

function error(state: StateInfo, at: Path, message: string): Diagnostic {
  return { severity: 'ERROR', code, message, location: jsonPointer([...state.path, ...at]) }
}
