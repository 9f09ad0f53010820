import { DslError } from '../../expr/expr.js'
import { createNode } from '../../ir/json.js'
import type { ChoiceRuleNode, ChoiceStateNode } from '../../ir/states.js'
import type { Flow } from '../flow.js'
import { emitChain, type Chain, type Continuation, type GraphBuilder, type Step } from '../graph.js'
import { scope, type Scope } from '../scope.js'
import type { ChoiceBranchSpec, ChoiceSpec } from '../specs.js'
import { describeBranch, payloadContext, renderAssign, renderField, stateEnv, type StateEnv } from './common.js'

interface DescribedBranch {
  readonly spec: ChoiceBranchSpec<any, any>
  readonly chain?: Chain | undefined
}

/**
 * A Choice. A `then` branch continues with what follows the Choice when its chain does not
 * end; with no `otherwise`, an input no rule matches also continues there.
 */
export function choiceStep(name: string, spec: ChoiceSpec<any, any, any>, flow: Flow<any, any>): Step {
  const env = stateEnv(name, spec, flow)
  const branches: DescribedBranch[] = spec.choices(scope as Scope<any, any>).map((branch, i) => {
    if ((branch.goto === undefined) === (branch.then === undefined)) {
      throw new DslError('a Choice rule needs exactly one of goto or then', `/States/${name}/Choices/${i}`)
    }
    if (branch.then && (branch.output !== undefined || spec.output !== undefined)) {
      throw new DslError(
        'a `then` branch is typed to receive the Choice input, which output would change',
        `/States/${name}/Choices/${i}`,
        'goto a state described with .also<YourInput>(...) instead',
      )
    }
    return { spec: branch, chain: branch.then ? describeBranch(flow, branch.then) : undefined }
  })
  if (branches.length === 0) {
    throw new DslError('a Choice needs at least one rule', `/States/${name}/Choices`, undefined, 'SCHEMA_VALIDATION_FAILED')
  }
  const otherwise = typeof spec.otherwise === 'function' ? describeBranch(flow, spec.otherwise) : undefined
  return {
    name,
    terminal: false,
    emit(next, out) {
      const at = out.mark()
      const choices = branches.map((branch, i) => rule(branch, i, env, next, out))
      const fallback = typeof spec.otherwise === 'string' ? spec.otherwise : spec.otherwise ? emitChain(otherwise, next, out) : next
      out.add(
        createNode<ChoiceStateNode>({
          kind: 'Choice',
          name,
          comment: spec.comment,
          queryLanguage: env.queryLanguage,
          inputPath: spec.inputPath,
          choices,
          default: fallback,
          outputPath: spec.outputPath,
          output: renderField(spec.output, env, out, 'Output'),
          assign: renderAssign(spec.assign, env, out, 'Assign'),
        }),
        at,
      )
    },
  }
}

function rule(branch: DescribedBranch, i: number, env: StateEnv, next: Continuation, out: GraphBuilder): ChoiceRuleNode {
  const target = branch.spec.goto ?? emitChain(branch.chain, next, out)
  const where = `Choices/${i}`
  if (target === undefined) {
    throw new DslError(
      'this Choice rule leads nowhere: its branch is empty and nothing follows the Choice',
      `${out.path}/${env.name}/${where}`,
      'add states to the branch, goto a state, or add a state after the Choice',
      'MISSING_TRANSITION_TARGET',
    )
  }
  const ctx = payloadContext(env, out, where)
  const { when } = branch.spec
  return createNode<ChoiceRuleNode>({
    kind: 'ChoiceRule',
    next: target,
    comment: branch.spec.comment,
    ...(env.language === 'JSONata' ? { condition: `{% ${when.toJsonata(ctx)} %}` } : { rule: when.toChoiceRule(ctx) }),
    output: renderField(branch.spec.output, env, out, `${where}/Output`),
    assign: renderAssign(branch.spec.assign, env, out, `${where}/Assign`),
  })
}
