import { DslError } from '../../expr/expr.js'
import { createNode } from '../../ir/json.js'
import type { TaskStateNode } from '../../ir/states.js'
import { integrationNode, isIntegration } from '../../integrations/integration.js'
import type { Flow } from '../flow.js'
import type { Step } from '../graph.js'
import { field } from '../scope.js'
import type { TaskSpec, Template } from '../specs.js'
import {
  describeCatches,
  mergeDefaults,
  renderDynamic,
  renderField,
  renderTemplate,
  resultFields,
  stateEnv,
} from './common.js'

type AnyTaskSpec = TaskSpec<any, any, any, any, any, any, any>

export function taskStep(name: string, spec: AnyTaskSpec, flow: Flow<any, any>): Step {
  const env = stateEnv(name, spec, flow)
  const described = describeCatches(spec.catch, env)
  const integration = isIntegration(spec.resource) ? spec.resource : undefined
  if (!integration && typeof spec.resource !== 'string') {
    throw new DslError('a Task needs a resource: an integration or a Resource ARN', `/States/${name}/Resource`)
  }
  return {
    name,
    terminal: false,
    emit(next, out) {
      const defaults: Template = integration?.defaults ?? {}
      const isJsonata = env.language === 'JSONata'
      const timeout = renderDynamic(spec.timeoutSeconds, env, out, 'TimeoutSeconds')
      const heartbeat = renderDynamic(spec.heartbeatSeconds, env, out, 'HeartbeatSeconds')
      const credentials = field(spec.credentials)
      const at = out.mark()
      out.add(
        createNode<TaskStateNode>({
          kind: 'Task',
          name,
          comment: spec.comment,
          queryLanguage: env.queryLanguage,
          resource: integration ? integration.resource : (spec.resource as string),
          integration: integration ? integrationNode(integration) : undefined,
          credentials: credentials && renderTemplate({ RoleArn: credentials.roleArn }, env, out, 'Credentials'),
          inputPath: spec.inputPath,
          parameters: isJsonata ? undefined : renderTemplate(mergeDefaults(defaults, field(spec.parameters)) as Template | undefined, env, out, 'Parameters'),
          arguments: isJsonata ? renderField(mergeDefaults(defaults, field(spec.arguments)), env, out, 'Arguments') : undefined,
          timeoutSeconds: timeout.value,
          timeoutSecondsPath: timeout.path,
          heartbeatSeconds: heartbeat.value,
          heartbeatSecondsPath: heartbeat.path,
          ...resultFields(spec, described, env, out, next),
        }),
        at,
      )
    },
  }
}
