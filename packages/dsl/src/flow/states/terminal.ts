import { createNode } from '../../ir/json.js'
import type { FailStateNode, SucceedStateNode } from '../../ir/states.js'
import type { Flow } from '../flow.js'
import type { Step } from '../graph.js'
import type { FailSpec, SucceedSpec } from '../specs.js'
import { renderDynamic, renderField, stateEnv } from './common.js'

export function succeedStep(name: string, spec: SucceedSpec<any, any>, flow: Flow<any, any>): Step {
  const env = stateEnv(name, spec, flow)
  return {
    name,
    terminal: true,
    emit(_next, out) {
      out.add(
        createNode<SucceedStateNode>({
          kind: 'Succeed',
          name,
          comment: spec.comment,
          queryLanguage: env.queryLanguage,
          inputPath: spec.inputPath,
          outputPath: spec.outputPath,
          output: renderField(spec.output, env, out, 'Output'),
        }),
      )
    },
  }
}

/** Error and Cause: literals, or in JSONPath a path (ErrorPath / CausePath), in JSONata an expression. */
export function failStep(name: string, spec: FailSpec<any, any>, flow: Flow<any, any>): Step {
  const env = stateEnv(name, spec, flow)
  return {
    name,
    terminal: true,
    emit(_next, out) {
      const error = renderDynamic(spec.error, env, out, 'Error')
      const cause = renderDynamic(spec.cause, env, out, 'Cause')
      out.add(
        createNode<FailStateNode>({
          kind: 'Fail',
          name,
          comment: spec.comment,
          queryLanguage: env.queryLanguage,
          error: error.value,
          errorPath: error.path,
          cause: cause.value,
          causePath: cause.path,
        }),
      )
    },
  }
}

/** A jump to a state defined elsewhere; it adds no state of its own. */
export function gotoStep(target: string): Step {
  return { goto: target, terminal: true, emit: () => undefined }
}
