import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { awsValidators, expectAcceptedByAws } from './support/aws-validators.js'

const jsonataOrders = {
  QueryLanguage: 'JSONata',
  StartAt: 'LoadOrders',
  States: {
    LoadOrders: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Arguments: { FunctionName: '${OrdersFunctionArn}', Payload: '{% $states.input %}' },
      Output: '{% $states.result.Payload %}',
      Assign: { loadedAt: '{% $now() %}' },
      Retry: [{ ErrorEquals: ['Lambda.TooManyRequestsException'], IntervalSeconds: 2, MaxAttempts: 3, BackoffRate: 2 }],
      Catch: [{ ErrorEquals: ['States.ALL'], Output: '{% $states.errorOutput %}', Next: 'LoadFailed' }],
      Next: 'AnyOrders',
    },
    AnyOrders: {
      Type: 'Choice',
      Choices: [{ Condition: '{% $count($states.input.orders) > 0 %}', Next: 'EachOrder' }],
      Default: 'Done',
    },
    EachOrder: {
      Type: 'Map',
      Items: '{% $states.input.orders %}',
      MaxConcurrency: 5,
      ItemProcessor: {
        ProcessorConfig: { Mode: 'INLINE' },
        StartAt: 'Tag',
        States: { Tag: { Type: 'Pass', Output: { id: '{% $states.input.id %}', batch: '{% $loadedAt %}' }, End: true } },
      },
      Next: 'Settle',
    },
    Settle: { Type: 'Wait', Seconds: 5, Next: 'Done' },
    Done: { Type: 'Succeed' },
    LoadFailed: { Type: 'Fail', Error: 'OrdersUnavailable', Cause: '{% $string($states.input) %}' },
  },
}

const jsonPathOrders = {
  StartAt: 'LoadOrders',
  States: {
    LoadOrders: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: '${OrdersFunctionArn}', 'Payload.$': '$' },
      ResultSelector: { 'orders.$': '$.Payload.orders' },
      ResultPath: '$.loaded',
      Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'LoadFailed' }],
      Next: 'AnyOrders',
    },
    AnyOrders: {
      Type: 'Choice',
      Choices: [{ Variable: '$.loaded.orders[0]', IsPresent: true, Next: 'EachOrder' }],
      Default: 'Done',
    },
    EachOrder: {
      Type: 'Map',
      ItemsPath: '$.loaded.orders',
      ItemSelector: { 'order.$': '$$.Map.Item.Value', 'index.$': '$$.Map.Item.Index' },
      ItemProcessor: { StartAt: 'Tag', States: { Tag: { Type: 'Pass', Parameters: { 'id.$': 'States.Format(\'order-{}\', $.order.id)' }, End: true } } },
      ResultPath: null,
      Next: 'Settle',
    },
    Settle: { Type: 'Wait', SecondsPath: '$.delay', Next: 'Done' },
    Done: { Type: 'Succeed' },
    LoadFailed: { Type: 'Fail', Error: 'OrdersUnavailable', CausePath: '$.error.Cause' },
  },
}

/** A one-state machine, so each case shows exactly what is wrong with it. */
const single = (state: object, queryLanguage?: 'JSONata') => ({
  ...(queryLanguage ? { QueryLanguage: queryLanguage } : {}),
  StartAt: 'A',
  States: { A: state },
})

describe('awsValidators', () => {
  it('accepts a valid JSONata definition', async () => {
    await expectAcceptedByAws(jsonataOrders)
  })

  it('accepts a valid JSONPath definition', async () => {
    await expectAcceptedByAws(jsonPathOrders)
  })

  it('leaves the definition it checks unchanged (asl-validator writes into its input)', async () => {
    const definition = structuredClone(jsonPathOrders)
    await awsValidators(definition)
    expect(definition).toEqual(jsonPathOrders)
  })

  it('a missing Next target: both reject it', async () => {
    const { service, aslValidator } = await awsValidators({
      StartAt: 'A',
      States: { A: { Type: 'Pass', Next: 'Querry' }, Query: { Type: 'Succeed' } },
    })
    expect(service).toContain('/States/A/Next: The value of "Next" property must be the name of an existing state.')
    expect(aslValidator).toContain("MISSING_TRANSITION_TARGET: Missing 'StartAt'|'Next'|'Default' target: Querry")
  })

  it('Parameters in a JSONata state: asl-validator rejects it, the service does not', async () => {
    const { service, aslValidator } = await awsValidators(single({ Type: 'Pass', Parameters: { a: 1 }, End: true }, 'JSONata'))
    expect(service).toEqual([])
    // Its per-language schemas fail as a whole, so the message blames QueryLanguage, not Parameters.
    expect(aslValidator).toEqual(['SCHEMA_VALIDATION_FAILED: /States/A/QueryLanguage is invalid. must be equal to one of the allowed values'])
  })

  it('an unknown state Type: both reject it', async () => {
    const { service, aslValidator } = await awsValidators(single({ Type: 'Sleep', End: true }))
    expect(service[0]).toMatch(/^\/States\/A\/Type: Value is not accepted/)
    expect(aslValidator).toContain('SCHEMA_VALIDATION_FAILED: /States/A/Type is invalid. must be equal to one of the allowed values')
  })

  it('expectAcceptedByAws fails with every message of both validators', async () => {
    await expect(expectAcceptedByAws(single({ Type: 'Sleep', End: true }))).rejects.toThrow(
      /rejected the definition:\namazon-states-language-service \/States\/A\/Type: [^\n]+\n(.|\n)*asl-validator SCHEMA_VALIDATION_FAILED/,
    )
  })

  // What each misses, pinned so an upgrade that starts catching it shows up here.
  describe('known gaps', () => {
    it('Arguments in a JSONPath state: only asl-validator rejects it', async () => {
      const { service, aslValidator } = await awsValidators(single({ Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Arguments: {}, End: true }))
      expect(service).toEqual([])
      expect(aslValidator).not.toEqual([])
    })

    it('a JSONata syntax error: only asl-validator rejects it (the service never parses JSONata)', async () => {
      const { service, aslValidator } = await awsValidators(single({ Type: 'Pass', Output: '{% $states.input.( %}', End: true }, 'JSONata'))
      expect(service).toEqual([])
      expect(aslValidator[0]).toBe('SCHEMA_VALIDATION_FAILED: /States/A/Output is invalid. must match exactly one schema in oneOf')
    })

    it('a JSONPath state inside a JSONata machine: both accept what AWS rejects', async () => {
      expect(await awsValidators(single({ Type: 'Pass', QueryLanguage: 'JSONPath', End: true }, 'JSONata'))).toEqual({ service: [], aslValidator: [] })
    })

    it('a `${Placeholder}` inside a Resource ARN: asl-validator rejects what deploys after substitution', async () => {
      const { service, aslValidator } = await awsValidators(single({ Type: 'Task', Resource: 'arn:${Partition}:states:::lambda:invoke', End: true }))
      expect(service).toEqual([])
      expect(aslValidator).toEqual(['SCHEMA_VALIDATION_FAILED: /States/A/Resource is invalid. must match exactly one schema in oneOf'])
    })
  })
})

const corpus = fileURLToPath(new URL('../../../../shared/fixtures/asl-corpus/', import.meta.url))

interface CorpusEntry {
  readonly file: string
  readonly parsed: boolean
}

/** Files whose verdict the corpus README gives as invalid or questionable; both validators reject them. */
const KNOWN_BAD = [
  'step-functions-workflows-collection__shared-fallback-state-jsonata__statemachine__statemachine.asl.json',
  'step-functions-workflows-collection__human-task-reminder__statemachine__statemachine.asl.yaml.json',
]

/** Deployed definitions asl-validator rejects: `${...}` inside ARNs, `%}` without a space, Jayway paths, a crash. */
const ASL_VALIDATOR_FALSE_POSITIVES = [
  'serverless-patterns__eventbridge-stepfunction-lambda-getfunctionstatus__statemachine__definition.asl.json',
  'serverless-patterns__systems-manager-automation-to-stepfunctions__src__statemchinedefinitionstring.asl.json',
  'step-functions-workflows-collection__batch-lambda-sam__statemachine__statemachine.asl.json',
  'step-functions-workflows-collection__batch-lambda-tf__statemachine__statemachine.asl.json',
  'step-functions-workflows-collection__distributed-data-stream-aggregator__statemachine__data-extraction-child.asl.json',
  'step-functions-workflows-collection__distributed-data-stream-aggregator__statemachine__statemachine.asl.json',
  'step-functions-workflows-collection__idempotent-workflow-sam__statemachine__statemachine.asl.json',
  'step-functions-workflows-collection__idempotent-workflow__statemachine__statemachine.asl.json',
  'step-functions-workflows-collection__parallel-agent-early-stopping__statemachine__main.asl.json',
  'step-functions-workflows-collection__s3-glacier-multi-file-restore-sam__statemachine__statemachine.asl.json',
  'step-functions-workflows-collection__step-functions-load-testing__statemachine__load-generator-statemachine.asl.json',
  'step-functions-workflows-collection__step-functions-load-testing__statemachine__load-orchestrator-statemachine.asl.json',
  'step-functions-workflows-collection__textract-analyze-expense-tf__statemachine__statemachine.asl.json',
]

if (!existsSync(corpus)) console.info(`skipping the ASL corpus checks: ${corpus} is absent`)

describe.skipIf(!existsSync(corpus))('awsValidators on the real-world ASL corpus (../shared/fixtures/asl-corpus)', () => {
  const index = existsSync(corpus) ? (JSON.parse(readFileSync(`${corpus}index.json`, 'utf8')) as { files: CorpusEntry[] }) : { files: [] }
  const files = index.files.filter((entry) => entry.parsed).map((entry) => entry.file)

  it.each(files)('%s', async (file) => {
    const { service, aslValidator } = await awsValidators(JSON.parse(readFileSync(corpus + file, 'utf8')) as object)
    expect(service.length > 0, service.join('\n')).toBe(KNOWN_BAD.includes(file))
    expect(aslValidator.length > 0, aslValidator.join('\n')).toBe(KNOWN_BAD.includes(file) || ASL_VALIDATOR_FALSE_POSITIVES.includes(file))
  })
})
