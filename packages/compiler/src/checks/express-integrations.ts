import { jsonPointer, type Diagnostic } from '../diagnostics.js'
import { isRecord, type CheckContext, type Path, type StateInfo } from './context.js'
import { ACTIVITY } from './resource-arns.js'
import type { CheckRule } from './rule.js'

const code = 'SCHEMA_VALIDATION_FAILED'

/**
 * Express workflows support neither the `.sync` nor the `.waitForTaskToken` integration pattern,
 * nor activities (developer guide, "Choosing workflow type" and "Service integration patterns").
 * That holds for an EXPRESS machine and for the child workflows of a Distributed Map whose
 * `ExecutionType` is EXPRESS. Messages and location are AWS's, from recorded verdicts.
 */
export const expressIntegrations: CheckRule = {
  code,
  check(_definition, context) {
    const expressScopes = expressChildWorkflows(context)
    const out: Diagnostic[] = []
    for (const state of context.states) {
      if (state.type !== 'Task') continue
      const message = unsupported(state.value['Resource'])
      if (message === undefined) continue
      if (context.type !== 'EXPRESS' && !expressScopes.some((prefix) => startsWith(state.path, prefix))) continue
      out.push({
        severity: 'ERROR',
        code,
        message,
        location: jsonPointer([...state.path, 'Resource']),
        hint: 'Use the request-response form of the integration, or run this part in a STANDARD state machine',
      })
    }
    return out
  },
}

function unsupported(resource: unknown): string | undefined {
  if (typeof resource !== 'string') return undefined
  if (ACTIVITY.test(resource)) return 'Express state machine does not support Activity ARN'
  if (resource.endsWith('.waitForTaskToken')) return "Express state machine does not support '.waitForTaskToken' service integration "
  if (/\.sync(?::2)?$/.test(resource)) return "Express state machine does not support '.sync' service integration "
  return undefined
}

/** The ItemProcessor paths of Distributed Maps that run their iterations as Express workflows. */
function expressChildWorkflows(context: CheckContext): Path[] {
  return context.states.filter(isExpressDistributedMap).map((state) => [...state.path, 'ItemProcessor'])
}

function isExpressDistributedMap(state: StateInfo): boolean {
  const processor = state.value['ItemProcessor']
  const config = isRecord(processor) ? processor['ProcessorConfig'] : undefined
  return state.type === 'Map' && isRecord(config) && config['Mode'] === 'DISTRIBUTED' && config['ExecutionType'] === 'EXPRESS'
}

function startsWith(path: Path, prefix: Path): boolean {
  return prefix.length < path.length && prefix.every((segment, index) => path[index] === segment)
}
