import { createNode, type ResourceRefNode, type StateNode } from '@dlc/dsl'
import { describe, expect, it } from 'vitest'
import { compileWorkflow, definitionSubstitutions, emitDefinition, partitionOf, resourceArn } from '../src/index.js'
import { cleanJob, machineOf, ordersFunction } from './machines.js'

const invoke = createNode<StateNode>({
  kind: 'Task',
  name: 'Invoke',
  end: true,
  resource: 'arn:aws:states:::lambda:invoke',
  parameters: { FunctionName: '${OrdersFunctionArn}', Job: 'job ${CleanJobName} of ${OrdersFunctionArn}' },
})
const machine = machineOf([invoke], { resources: [ordersFunction, cleanJob] })
const account = '123456789012'

describe('placeholders', () => {
  it('are left as written without resolve, and listed for DefinitionSubstitutions', () => {
    expect(emitDefinition(machine).States['Invoke']?.['Parameters']).toEqual({
      FunctionName: '${OrdersFunctionArn}',
      Job: 'job ${CleanJobName} of ${OrdersFunctionArn}',
    })
    expect(definitionSubstitutions(machine)).toEqual({
      OrdersFunctionArn: { type: 'lambda:function', name: 'orders', attribute: 'arn' },
      CleanJobName: { type: 'glue:job', name: 'clean-sales', attribute: 'name' },
    })
  })

  it('are replaced by names and ARNs with the stage appended', () => {
    const resolved = emitDefinition(machine, { resolve: { account, region: 'eu-west-1', stage: 'dev' } })
    expect(resolved.States['Invoke']?.['Parameters']).toEqual({
      FunctionName: 'arn:aws:lambda:eu-west-1:123456789012:function:orders-dev',
      Job: 'job clean-sales-dev of arn:aws:lambda:eu-west-1:123456789012:function:orders-dev',
    })
  })

  it('take the partition from the region unless one is given', () => {
    expect(partitionOf('cn-north-1')).toBe('aws-cn')
    expect(partitionOf('us-gov-west-1')).toBe('aws-us-gov')
    expect(partitionOf('eu-central-1')).toBe('aws')
    const china = emitDefinition(machine, { resolve: { account, region: 'cn-north-1' } })
    expect(china.States['Invoke']?.['Parameters']).toMatchObject({ FunctionName: 'arn:aws-cn:lambda:cn-north-1:123456789012:function:orders' })
    const forced = emitDefinition(machine, { resolve: { account, region: 'eu-west-1', partition: 'aws-iso' } })
    expect(forced.States['Invoke']?.['Parameters']).toMatchObject({ FunctionName: 'arn:aws-iso:lambda:eu-west-1:123456789012:function:orders' })
  })

  it('build every ARN in the table', () => {
    const scope = { partition: 'aws', region: 'us-east-1', account }
    expect(
      ['sns:topic', 'sqs:queue', 'states:stateMachine', 'states:activity', 'glue:job', 'glue:crawler', 'glue:database', 'athena:workgroup', 's3:bucket', 'dynamodb:table', 'events:eventBus', 'iam:role'].map(
        (type) => resourceArn(type, 'x', scope),
      ),
    ).toEqual([
      'arn:aws:sns:us-east-1:123456789012:x',
      'arn:aws:sqs:us-east-1:123456789012:x',
      'arn:aws:states:us-east-1:123456789012:stateMachine:x',
      'arn:aws:states:us-east-1:123456789012:activity:x',
      'arn:aws:glue:us-east-1:123456789012:job/x',
      'arn:aws:glue:us-east-1:123456789012:crawler/x',
      'arn:aws:glue:us-east-1:123456789012:database/x',
      'arn:aws:athena:us-east-1:123456789012:workgroup/x',
      'arn:aws:s3:::x',
      'arn:aws:dynamodb:us-east-1:123456789012:table/x',
      'arn:aws:events:us-east-1:123456789012:event-bus/x',
      'arn:aws:iam::123456789012:role/x',
    ])
    expect(resourceArn('toString', 'x', scope)).toBeUndefined()
  })

  it('that cannot be resolved stay as written and are reported, not thrown', () => {
    const odd = createNode<ResourceRefNode>({ kind: 'ResourceRef', id: 'OddArn', type: 'kinesis:stream', name: 's', attribute: 'arn' })
    const task = createNode<StateNode>({
      kind: 'Task',
      name: 'Send',
      end: true,
      resource: '${OddArn}',
      parameters: { 'Topic/Arn': '${Missing}' },
    })
    const { definition, diagnostics } = compileWorkflow(machineOf([task], { resources: [odd] }), { resolve: { account, region: 'eu-west-1' } })
    expect(definition.States['Send']?.['Resource']).toBe('${OddArn}')
    expect(diagnostics.map(({ code, location }) => ({ code, location }))).toEqual([
      { code: 'UNKNOWN_RESOURCE_TYPE', location: '/States/Send/Resource' },
      { code: 'UNKNOWN_SUBSTITUTION', location: '/States/Send/Parameters/Topic~1Arn' },
    ])
  })
})
