import { describe, expect, it } from 'vitest'
import { ProgressPrinter } from '../src/run/progress.js'

function printer(interactive: boolean): { printer: ProgressPrinter; text: () => string } {
  let text = ''
  return { printer: new ProgressPrinter({ write: (chunk: string) => (text += chunk) }, interactive), text: () => text }
}

describe('ProgressPrinter', () => {
  it('draws a bar with the percent on one terminal line, and ends it before the next line', () => {
    const { printer: progress, text } = printer(true)
    progress.service({ service: 'glue', state: 'Clean sales', message: 'reading the batch: 120,000 rows', done: 40, total: 100 })
    progress.service({ service: 'glue', state: 'Clean sales', message: 'typing and checking: 1,000 rows', done: 100, total: 100 })
    progress.service({ service: 'glue', state: 'Clean sales', message: 'read 300,000 rows' })
    expect(text()).toBe(
      `\r  [${'#'.repeat(12)}${'.'.repeat(18)}]  40% reading the batch: 120,000 rows\x1b[K` +
        `\r  [${'#'.repeat(30)}] 100% typing and checking: 1,000 rows\x1b[K` +
        '\n  glue: read 300,000 rows\n',
    )
  })

  it('leaves bars out when the output is not a terminal, and keeps every line', () => {
    const { printer: progress, text } = printer(false)
    progress.service({ service: 'glue', state: 'Clean sales', message: 'reading the batch: 120,000 rows', done: 40, total: 100 })
    progress.service({ service: 'glue', state: 'Clean sales', message: 'read 300,000 rows' })
    expect(text()).toBe('  glue: read 300,000 rows\n')
  })
})
