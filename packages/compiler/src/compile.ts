import type { StateMachineNode } from '@dlc/dsl'
import { emitWithDiagnostics } from './asl/emit.js'
import type { AslDefinition, EmitOptions } from './asl/types.js'
import { checkDefinition } from './checks/index.js'
import type { Diagnostic } from './diagnostics.js'

export interface CompiledWorkflow {
  readonly name: string
  readonly definition: AslDefinition
  /** Unresolved placeholders first, then what the checks found in the emitted definition. */
  readonly diagnostics: Diagnostic[]
}

/**
 * Emits a state machine's definition and checks it, the way AWS would on deploy.
 *
 * @example const { definition, diagnostics } = compileWorkflow(nightlySales)
 */
export function compileWorkflow(machine: StateMachineNode, options: EmitOptions = {}): CompiledWorkflow {
  const { definition, diagnostics } = emitWithDiagnostics(machine, options)
  return { name: machine.name, definition, diagnostics: [...diagnostics, ...checkDefinition(definition)] }
}
