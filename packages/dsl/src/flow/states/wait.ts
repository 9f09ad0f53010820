import { DslError } from '../../expr/expr.js'
import { createNode } from '../../ir/json.js'
import type { WaitStateNode } from '../../ir/states.js'
import type { Flow } from '../flow.js'
import type { Step } from '../graph.js'
import type { WaitSpec } from '../specs.js'
import { renderAssign, renderDynamic, renderField, stateEnv, transition } from './common.js'

export function waitStep(name: string, spec: WaitSpec<any, any, any, any>, flow: Flow<any, any>): Step {
  const env = stateEnv(name, spec, flow)
  if ((spec.seconds === undefined) === (spec.timestamp === undefined)) {
    throw new DslError('a Wait needs exactly one of seconds or timestamp', `/States/${name}`, undefined, 'SCHEMA_VALIDATION_FAILED')
  }
  return {
    name,
    terminal: false,
    emit(next, out) {
      const seconds = renderDynamic(spec.seconds, env, out, 'Seconds')
      const timestamp = renderDynamic(spec.timestamp, env, out, 'Timestamp')
      out.add(
        createNode<WaitStateNode>({
          kind: 'Wait',
          name,
          comment: spec.comment,
          queryLanguage: env.queryLanguage,
          inputPath: spec.inputPath,
          seconds: seconds.value,
          secondsPath: seconds.path,
          timestamp: timestamp.value as string | undefined,
          timestampPath: timestamp.path,
          outputPath: spec.outputPath,
          output: renderField(spec.output, env, out, 'Output'),
          assign: renderAssign(spec.assign, env, out, 'Assign'),
          ...transition(next),
        }),
      )
    },
  }
}
