import { describe, expect, it } from 'vitest'
import { compileWorkflow } from '@dlc/compiler'
import nightly from '../pipeline.js'
import { expectAcceptedByAws } from '../../../packages/compiler/test/support/aws-validators.js'

describe('examples/datalake', () => {
  it('compiles without diagnostics and is accepted by the AWS validators', async () => {
    const compiled = compileWorkflow(nightly.build())
    expect(compiled.diagnostics).toEqual([])
    await expectAcceptedByAws(compiled.definition)
  })

  it('resolves every placeholder for an account, region and stage', async () => {
    const compiled = compileWorkflow(nightly.build(), { resolve: { account: '111122223333', region: 'eu-west-1', stage: 'prod' } })
    expect(compiled.diagnostics).toEqual([])
    const text = JSON.stringify(compiled.definition)
    expect(text).not.toContain('${')
    expect(text).toContain('arn:aws:sns:eu-west-1:111122223333:data-alerts-prod')
    expect(text).toContain('"JobName":"sales-etl-prod"')
    await expectAcceptedByAws(compiled.definition)
  })

  it('polls the crawler in a loop and routes every failure to one notification', () => {
    const states = Object.fromEntries(nightly.build().states.map((s) => [s.name, s]))
    expect(states['Crawl finished?']).toMatchObject({ choices: [{ next: 'Wait for crawler' }, { next: 'Crawl failed' }], default: 'Check null keys' })
    expect(states['Start crawler']).toMatchObject({ catch: [{ errorEquals: ['Glue.CrawlerRunningException'], next: 'Wait for crawler' }, { next: 'Notify failure' }] })
    expect(states['Notify failure']).toMatchObject({ next: 'Pipeline failed' })
  })
})
