import { createNode } from '../../ir/json.js'
import type { PassStateNode } from '../../ir/states.js'
import type { Flow } from '../flow.js'
import type { Step } from '../graph.js'
import type { PassSpec } from '../specs.js'
import { renderAssign, renderField, renderTemplate, stateEnv, transition } from './common.js'

export function passStep(name: string, spec: PassSpec<any, any, any, any, any, any>, flow: Flow<any, any>): Step {
  const env = stateEnv(name, spec, flow)
  return {
    name,
    terminal: false,
    emit(next, out) {
      const producesResult = env.language === 'JSONPath' && (spec.result !== undefined || spec.parameters !== undefined)
      out.add(
        createNode<PassStateNode>({
          kind: 'Pass',
          name,
          comment: spec.comment,
          queryLanguage: env.queryLanguage,
          inputPath: spec.inputPath,
          parameters: renderTemplate(spec.parameters, env, out, 'Parameters'),
          result: spec.result,
          resultPath: spec.resultPath,
          outputPath: spec.outputPath,
          output: renderField(spec.output, env, out, 'Output'),
          // In JSONPath, Assign reads the Pass's result (`$` is Result or Parameters' output) when there is one.
          assign: renderAssign(spec.assign, env, out, 'Assign', producesResult ? 'result' : 'input'),
          ...transition(next),
        }),
      )
    },
  }
}
