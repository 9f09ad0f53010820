import { DslError } from '../../expr/expr.js'
import { createNode } from '../../ir/json.js'
import type { ParallelStateNode, StateGraphNode } from '../../ir/states.js'
import type { Flow } from '../flow.js'
import { emitChain, type Chain, type GraphBuilder, type Step } from '../graph.js'
import type { ParallelSpec } from '../specs.js'
import {
  describeBranch,
  describeCatches,
  renderField,
  renderTemplate,
  resultFields,
  stateEnv,
} from './common.js'

export function parallelStep(name: string, spec: ParallelSpec<any, any, any, any, any, any, any>, flow: Flow<any, any>): Step {
  const env = stateEnv(name, spec, flow)
  const branches: (Chain | undefined)[] = spec.branches.map((branch: (flow: Flow<any, any>) => any) => describeBranch(flow, branch))
  const described = describeCatches(spec.catch, env)
  return {
    name,
    terminal: false,
    emit(next, out) {
      const at = out.mark()
      out.add(
        createNode<ParallelStateNode>({
          kind: 'Parallel',
          name,
          comment: spec.comment,
          queryLanguage: env.queryLanguage,
          inputPath: spec.inputPath,
          parameters: renderTemplate(spec.parameters, env, out, 'Parameters'),
          arguments: renderField(spec.arguments, env, out, 'Arguments'),
          branches: branches.map((chain, i) => subgraph(chain, out.nested(`${out.path}/${name}/Branches/${i}/States`))),
          ...resultFields(spec, described, env, out, next),
        }),
        at,
      )
    },
  }
}

/** A Parallel branch or Map processor: its own scope, where a chain that runs off its end ends. */
export function subgraph(chain: Chain | undefined, out: GraphBuilder): StateGraphNode {
  const startAt = emitChain(chain, undefined, out)
  if (startAt === undefined) {
    throw new DslError('this branch has no states', out.path, 'the branch function must return the flow it built', 'SCHEMA_VALIDATION_FAILED')
  }
  return createNode<StateGraphNode>({ kind: 'StateGraph', startAt, states: out.states })
}
