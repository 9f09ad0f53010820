import { jsonPointer, type Diagnostic } from '../../diagnostics.js'
import type { TemplateRule } from './rule.js'
import { isRecord, itemsOf, propertyPath, resourcesOf, variants } from './template.js'

const code = 'DLC_SFN_LOGGING'

const ADD_LOGGING =
  'add LoggingConfiguration: { Level: ERROR (or ALL), IncludeExecutionData: false, Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: !GetAtt Logs.Arn } }] }, and the log-delivery actions of docs/security.md to the machine\'s role'

/**
 * Every state machine logs to CloudWatch Logs: a Level other than OFF (CloudFormation's
 * default when Level is left out) and a log group destination. Standard workflows keep 90 days
 * of history without it, Express workflows keep none.
 */
export const sfnLogging: TemplateRule = {
  code,
  check(template) {
    const out: Diagnostic[] = []
    for (const machine of resourcesOf(template, 'AWS::StepFunctions::StateMachine')) {
      const at = propertyPath(machine, 'LoggingConfiguration')
      const value = machine.properties['LoggingConfiguration']
      const found = variants(value, at)
      if (value === undefined || found.length === 0) {
        out.push({ severity: 'ERROR', code, message: `state machine ${machine.id} has no LoggingConfiguration`, location: jsonPointer(at), hint: ADD_LOGGING })
        continue
      }
      for (const logging of found) {
        const configuration = isRecord(logging.value) ? logging.value : {}
        const level = configuration['Level']
        if (level === undefined || level === 'OFF') {
          out.push({
            severity: 'ERROR',
            code,
            message: `state machine ${machine.id} logs nothing: Level is ${level === undefined ? 'not set, and CloudFormation takes OFF' : 'OFF'}`,
            location: jsonPointer([...logging.path, 'Level']),
            hint: 'set Level to ERROR, or ALL to log every state transition',
          })
        }
        const destinations = itemsOf(configuration['Destinations'], [...logging.path, 'Destinations'])
        if (destinations.length === 0 || !destinations.every((destination) => hasLogGroup(destination.value))) {
          out.push({
            severity: 'ERROR',
            code,
            message: `state machine ${machine.id} has no log destination: Destinations needs a CloudWatchLogsLogGroup with a LogGroupArn`,
            location: jsonPointer([...logging.path, 'Destinations']),
            hint: ADD_LOGGING,
          })
        }
      }
    }
    return out
  },
}

function hasLogGroup(destination: unknown): boolean {
  const group = isRecord(destination) ? destination['CloudWatchLogsLogGroup'] : undefined
  return isRecord(group) && group['LogGroupArn'] !== undefined && group['LogGroupArn'] !== ''
}
