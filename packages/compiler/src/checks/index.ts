import type { Diagnostic } from '../diagnostics.js'
import { buildContext, type CheckContext } from './context.js'
import { duplicateStateNames } from './duplicate-state-names.js'
import { endStates } from './end-states.js'
import { languageDowngrade } from './language-downgrade.js'
import { languageFields } from './language-fields.js'
import { requiredFields } from './required-fields.js'
import type { CheckRule } from './rule.js'
import { transitionTargets } from './transition-targets.js'
import { unreachableStates } from './unreachable-states.js'

/** Every rule, in the order their diagnostics are reported (dangling targets before missing end states, as AWS does). */
export const CHECK_RULES: readonly CheckRule[] = [
  requiredFields,
  languageDowngrade,
  languageFields,
  duplicateStateNames,
  transitionTargets,
  endStates,
  unreachableStates,
]

/**
 * Checks an ASL definition (emitted by dlc or written by hand) for what AWS would reject.
 * Never throws: input that is not ASL at all yields a diagnostic.
 *
 * @example checkDefinition(JSON.parse(text)).filter((d) => d.severity === 'ERROR')
 */
export function checkDefinition(definition: unknown, type: CheckContext['type'] = 'STANDARD'): Diagnostic[] {
  const context = buildContext(definition, type)
  return CHECK_RULES.flatMap((rule) => rule.check(definition, context))
}

export type { CheckRule } from './rule.js'
export type { CheckContext, Scope, StateInfo } from './context.js'
