import type { HistoryEvent, ServiceProgress } from '@dlc/runtime'
import type { Writer } from '../io.js'

/**
 * Shows a run as it goes: each state as it starts and ends (with its time on the run's clock),
 * failures with their error, and what the services report (a progress bar when they count rows).
 */
export class ProgressPrinter {
  private readonly entered = new Map<string, number>()
  private barShown = false

  constructor(
    private readonly out: Writer,
    private readonly interactive: boolean,
  ) {}

  event(event: HistoryEvent): void {
    const entered = event.stateEnteredEventDetails as { name?: string } | undefined
    const exited = event.stateExitedEventDetails as { name?: string } | undefined
    const failed = (event.taskFailedEventDetails ?? event.executionFailedEventDetails ?? event.lambdaFunctionFailedEventDetails) as { error?: string; cause?: string } | undefined
    if (entered?.name !== undefined) {
      this.entered.set(entered.name, Date.parse(event.timestamp))
      this.line(`▸ ${entered.name}`)
    } else if (exited?.name !== undefined) {
      const start = this.entered.get(exited.name)
      const seconds = start === undefined ? '' : `  ${formatSeconds((Date.parse(event.timestamp) - start) / 1000)}`
      this.line(`✓ ${exited.name}${seconds}`)
    } else if (failed !== undefined && event.type !== 'ExecutionFailed') {
      this.line(`✗ ${failed.error ?? 'failed'}${failed.cause === undefined ? '' : `: ${firstLine(failed.cause)}`}`)
    }
  }

  service(progress: ServiceProgress): void {
    if (progress.done !== undefined && progress.total !== undefined && progress.total > 0) {
      if (!this.interactive) return
      const width = 30
      const filled = Math.round((Math.min(progress.done, progress.total) / progress.total) * width)
      const percent = Math.floor((Math.min(progress.done, progress.total) / progress.total) * 100)
      // \x1b[K clears what a longer message before left on the line.
      this.out.write(`\r  [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(percent).padStart(3)}% ${progress.message}\x1b[K`)
      this.barShown = true
      return
    }
    this.line(`  ${progress.service}: ${progress.message}`)
  }

  private line(text: string): void {
    if (this.barShown) this.out.write('\n')
    this.barShown = false
    this.out.write(`${text}\n`)
  }
}

export function formatSeconds(seconds: number): string {
  if (seconds >= 3600) return `${Math.floor(seconds / 3600)} h ${Math.round((seconds % 3600) / 60)} min`
  if (seconds >= 60) return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`
  return `${seconds.toFixed(seconds < 10 ? 2 : 1)} s`
}

function firstLine(text: string): string {
  const line = text.split('\n')[0] ?? ''
  return line.length > 200 ? `${line.slice(0, 200)}…` : line
}
