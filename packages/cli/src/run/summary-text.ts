import type { OutboxDelivery, RunSummary } from '@dlc/runtime'
import { relative } from 'node:path'
import type { Writer } from '../io.js'
import { formatSeconds } from './progress.js'

const count = (value: number | undefined): string => (value === undefined ? '?' : value.toLocaleString('en-US'))

/** The end-of-run summary, for people: how it went, the numbers, the checks, the answers, the e-mail, the files. */
export function printSummary(out: Writer, summary: RunSummary, cwd: string): void {
  const batch = summary.batchDate === undefined ? '' : ` (batch ${summary.batchDate})`
  out.write(`\n${summary.pipeline}: ${summary.status}${batch} in ${formatSeconds(summary.seconds)} on the run's clock\n`)
  if (summary.status !== 'SUCCEEDED') {
    if (summary.failedState !== undefined) out.write(`  failed in: ${summary.failedState}\n`)
    if (summary.error !== undefined) out.write(`  error: ${summary.error}\n`)
    if (summary.cause !== undefined) out.write(`  cause: ${summary.cause}\n`)
  }

  out.write('\nStates\n')
  const width = Math.max(...summary.states.map((state) => state.name.length), 10)
  for (const state of summary.states) out.write(`  ${state.name.padEnd(width)}  ${formatSeconds(state.seconds)}\n`)

  if (summary.datasets.length > 0) {
    out.write('\nRows\n')
    for (const figures of summary.datasets) {
      out.write(
        `  ${figures.dataset}: read ${count(figures.rowsRead)}, written ${count(figures.rowsWritten)}, rejected ${count(figures.rowsRejected)}, deduplicated ${count(figures.rowsDeduplicated)}, partitions ${count(figures.partitions)}\n`,
      )
      for (const reason of figures.topReasons) out.write(`    ${String(reason.rows).padStart(7)} × ${reason.reason}\n`)
    }
  }

  if (summary.checks.length > 0) {
    out.write('\nChecks\n')
    for (const check of summary.checks) {
      const mark = check.verdict === 'passed' ? '✓' : check.verdict === 'failed' ? '✗' : '·'
      out.write(`  ${mark} ${check.name}: ${check.verdict}${check.found === undefined ? '' : `  ${JSON.stringify((check.found as { values?: unknown }).values ?? check.found)}`}\n`)
    }
  }

  for (const query of summary.queries) {
    out.write(`\nQuery ${query.name} (${query.totalRows} row${query.totalRows === 1 ? '' : 's'})\n`)
    out.write(table(query.columns, query.rows))
    if (query.totalRows > query.rows.length) out.write(`  … ${query.totalRows - query.rows.length} more in ${relative(cwd, query.file)}\n`)
  }

  for (const message of summary.notifications) {
    out.write(`\nE-mail to ${message.to.join(', ')}\n  Subject: ${message.subject ?? ''}\n`)
    for (const line of message.message.split('\n')) out.write(`  ${line}\n`)
    if (message.delivery !== undefined) out.write(`  (${deliveryLine(message.delivery)})\n`)
  }

  out.write('\nFiles\n')
  for (const [what, path] of Object.entries(summary.locations)) out.write(`  ${what.padEnd(8)} ${relative(cwd, path) || '.'}\n`)
}

function deliveryLine(delivery: OutboxDelivery): string {
  if (delivery.status === 'pending') return `not confirmed by ${delivery.smtp}: the run stopped while sending`
  if (delivery.status === 'sent') return `sent via ${delivery.smtp}`
  return `NOT delivered via ${delivery.smtp}: ${delivery.detail}`
}

function table(columns: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | null>>): string {
  const cells = [columns, ...rows.map((row) => row.map((value) => value ?? 'NULL'))]
  const widths = columns.map((_, index) => Math.max(...cells.map((row) => (row[index] ?? '').length)))
  const render = (row: readonly string[]): string => `  ${row.map((value, index) => value.padEnd(widths[index] ?? 0)).join('  ').trimEnd()}\n`
  return render(columns) + render(widths.map((w) => '-'.repeat(w))) + cells.slice(1).map(render).join('')
}
