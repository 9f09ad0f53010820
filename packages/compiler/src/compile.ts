import type { StateMachineNode } from '@dlc/dsl'
import { emitWithDiagnostics } from './asl/emit.js'
import type { AslDefinition, EmitOptions } from './asl/types.js'
import type { Diagnostic } from './diagnostics.js'
import { validate } from './validate/index.js'

export interface CompiledWorkflow {
  readonly name: string
  readonly definition: AslDefinition
  /** Unresolved placeholders first, then what the validator found in the emitted definition. */
  readonly diagnostics: Diagnostic[]
}

/**
 * Emits a state machine's definition and validates it (schema and rules), the way AWS would on
 * deploy; callers refuse to write a definition with an ERROR.
 *
 * @example const { definition, diagnostics } = compileWorkflow(nightlySales)
 */
export function compileWorkflow(machine: StateMachineNode, options: EmitOptions = {}): CompiledWorkflow {
  const { definition, diagnostics } = emitWithDiagnostics(machine, options)
  return { name: machine.name, definition, diagnostics: [...diagnostics, ...validate(definition, { type: machine.type }).diagnostics] }
}
