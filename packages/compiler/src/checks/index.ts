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
import { choiceRules } from './choice-rules.js'
import { credentials } from './credentials.js'
import { errorWildcard } from './error-wildcard.js'
import { expressIntegrations } from './express-integrations.js'
import { mapConfig } from './map-config.js'
import { resourceArns } from './resource-arns.js'
import { stateNames } from './state-names.js'
import { timeouts } from './timeouts.js'
import { waitDuration } from './wait-duration.js'
import { intrinsicFunctions } from './intrinsic-functions.js'
import { jsonataDelimiters } from './jsonata-delimiters.js'
import { jsonataFunctions } from './jsonata-functions.js'
import { jsonataReferences } from './jsonata-references.js'
import { jsonataStatesVariable } from './jsonata-states-variable.js'
import { jsonataSyntax } from './jsonata-syntax.js'
import { jsonpathSyntax } from './jsonpath-syntax.js'
import { noDollar } from './no-dollar.js'
import { noPath } from './no-path.js'
import { passResultIsStatic } from './pass-result-is-static.js'

/** Every rule, in the order their diagnostics are reported (dangling targets before missing end states, as AWS does). */
export const CHECK_RULES: readonly CheckRule[] = [
  requiredFields,
  languageDowngrade,
  languageFields,
  duplicateStateNames,
  transitionTargets,
  endStates,
  unreachableStates,
  stateNames,
  errorWildcard,
  choiceRules,
  waitDuration,
  timeouts,
  mapConfig,
  resourceArns,
  expressIntegrations,
  credentials,
  jsonpathSyntax,
  intrinsicFunctions,
  jsonataDelimiters,
  jsonataSyntax,
  jsonataReferences,
  jsonataStatesVariable,
  jsonataFunctions,
  passResultIsStatic,
  noDollar,
  noPath,
]

/**
 * Checks an ASL definition (emitted by dlc or written by hand) for what AWS would reject.
 * Never throws: input that is not ASL at all yields a diagnostic.
 *
 * @example checkDefinition(JSON.parse(text)).filter((d) => d.severity === 'ERROR')
 */
export function checkDefinition(definition: unknown, type: CheckContext['type'] = 'STANDARD'): Diagnostic[] {
  const context = buildContext(definition, type)
  const diagnostics: Diagnostic[] = []
  for (const rule of CHECK_RULES) for (const diagnostic of rule.check(definition, context)) diagnostics.push(diagnostic)
  return diagnostics
}

export type { CheckRule } from './rule.js'
export type { CheckContext, Scope, StateInfo } from './context.js'
