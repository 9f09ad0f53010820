import { checkDefinition } from '../checks/index.js'
import type { Diagnostic } from '../diagnostics.js'

export interface ValidateOptions {
  /** The state machine's type: EXPRESS machines cannot use `.sync`, `.waitForTaskToken` or activities. */
  readonly type?: 'STANDARD' | 'EXPRESS'
}

export interface ValidationResult {
  /** No ERROR diagnostic: AWS would accept the definition. Warnings do not make it invalid. */
  readonly ok: boolean
  readonly diagnostics: readonly Diagnostic[]
}

/**
 * Checks an ASL definition — written by dlc, by hand, or exported from Workflow Studio — the way
 * AWS's ValidateStateMachineDefinition does, and more. Pure: it never mutates its input and
 * never throws, whatever the input.
 *
 * @example const { ok, diagnostics } = validate(JSON.parse(text))
 */
export function validate(definition: unknown, options: ValidateOptions = {}): ValidationResult {
  let diagnostics: Diagnostic[]
  try {
    diagnostics = checkDefinition(definition, options.type ?? 'STANDARD')
  } catch (error) {
    diagnostics = [internalError(error)]
  }
  return { ok: !diagnostics.some((d) => d.severity === 'ERROR'), diagnostics }
}

/** A bug in a rule must not look like a valid definition, nor crash the caller. */
function internalError(error: unknown): Diagnostic {
  return {
    severity: 'ERROR',
    code: 'DLC_INTERNAL_ERROR',
    message: `dlc's validator failed on this definition: ${error instanceof Error ? error.message : String(error)}`,
    location: '/',
    hint: 'this is a bug in dlc: please report it with the definition',
  }
}
