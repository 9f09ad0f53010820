import type { StateMachineNode } from '@dlc/dsl'
import type { Diagnostic } from '../diagnostics.js'
import { ordered } from './ordered.js'
import { placeholderResolver, rewriteStrings } from './placeholders.js'
import { emitStates } from './state.js'
import type { AslDefinition, EmitOptions } from './types.js'

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
  const tree = ordered([
    ['Comment', machine.comment],
    ['QueryLanguage', machine.queryLanguage],
    ['StartAt', machine.startAt],
    ['States', emitStates(machine.states)],
    ['TimeoutSeconds', machine.timeoutSeconds],
    ['Version', machine.version],
  ])
  // The tree is built from the IR by `ordered`, so it has exactly AslDefinition's keys. Without
  // a target the placeholders stay, and payloads are shared with the (frozen) IR, not copied.
  if (options.resolve === undefined) return { definition: tree as AslDefinition, diagnostics }
  const resolve = placeholderResolver(machine.resources, options.resolve, diagnostics)
  return { definition: rewriteStrings(tree, resolve) as AslDefinition, diagnostics }
}
