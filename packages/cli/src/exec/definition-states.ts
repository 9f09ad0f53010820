/** A state of a definition, nested ones (Parallel branches, Map processors) included. */
export interface DefinedState {
  readonly type: string
  /** A Task's Resource. */
  readonly resource?: string
}

type Json = Readonly<Record<string, unknown>>

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Every state of a definition by name, however deep, to check what a mock names. State names
 * are unique in the whole machine, so one map holds them all.
 *
 * @example statesOf({ StartAt: 'Load', States: { Load: { Type: 'Task', Resource: 'arn:aws:states:::glue:startJobRun.sync', End: true } } })
 * // Map { 'Load' => { type: 'Task', resource: 'arn:aws:states:::glue:startJobRun.sync' } }
 */
export function statesOf(definition: unknown): Map<string, DefinedState> {
  const found = new Map<string, DefinedState>()
  const visit = (block: unknown): void => {
    if (!isRecord(block) || !isRecord(block['States'])) return
    for (const [name, state] of Object.entries(block['States'])) {
      if (!isRecord(state)) continue
      const type = String(state['Type'])
      found.set(name, { type, ...(type === 'Task' && typeof state['Resource'] === 'string' ? { resource: state['Resource'] } : {}) })
      if (Array.isArray(state['Branches'])) state['Branches'].forEach(visit)
      visit(state['ItemProcessor'] ?? state['Iterator'])
    }
  }
  visit(definition)
  return found
}
