import type { StateMachineNode } from '@dlc/dsl'
import type { Diagnostic } from '../diagnostics.js'
import { emitLayout, type Layout } from './layout.js'
import { placeholderResolver, rewriteStrings } from './placeholders.js'
import { emitStates } from './state.js'
import type { AslDefinition, EmitOptions } from './types.js'

const MACHINE: Layout<StateMachineNode> = [
  ['Comment', 'comment'],
  ['QueryLanguage', 'queryLanguage'],
  ['StartAt', 'startAt'],
  ['States', (machine) => emitStates(machine.states)],
  ['TimeoutSeconds', 'timeoutSeconds'],
  ['Version', 'version'],
]

/** A definition together with what went wrong resolving its placeholders. */
export interface EmitResult {
  readonly definition: AslDefinition
  readonly diagnostics: Diagnostic[]
}

/**
 * Turns a state machine into its ASL definition. Keys are always in the same order
 * (`Comment, QueryLanguage, StartAt, States, TimeoutSeconds, Version` at the top), so the
 * same IR always prints the same bytes.
 *
 * @example JSON.stringify(emitDefinition(machine, { resolve: { account: '123456789012', region: 'eu-west-1' } }))
 */
export function emitDefinition(machine: StateMachineNode, options: EmitOptions = {}): AslDefinition {
  return emitWithDiagnostics(machine, options).definition
}

/** As `emitDefinition`, also returning the placeholders that could not be resolved. */
export function emitWithDiagnostics(machine: StateMachineNode, options: EmitOptions = {}): EmitResult {
  const diagnostics: Diagnostic[] = []
  const tree = emitLayout(machine, MACHINE)
  // The tree is built from the IR by MACHINE's layout, so it has exactly AslDefinition's keys. Without
  // a target the placeholders stay, and payloads are shared with the (frozen) IR, not copied.
  if (options.resolve === undefined) return { definition: tree as AslDefinition, diagnostics }
  const resolve = placeholderResolver(machine.resources, options.resolve, diagnostics)
  return { definition: rewriteStrings(tree, resolve) as AslDefinition, diagnostics }
}
