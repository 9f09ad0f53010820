import type { DuckDBConnection } from '@duckdb/node-api'

/**
 * Runs `work` on `connection`, reporting DuckDB's progress on the running statement (percent
 * done, and the rows it has been through) every `everyMs`. The connection must have
 * `enable_progress_bar` on; DuckDB says -1 while it cannot tell, which is not reported.
 * @example await withProgress(connection, 'reading the batch', report, () => connection.run(sql))
 */
export async function withProgress<T>(
  connection: DuckDBConnection,
  label: string | undefined,
  progress: (message: string, done: number, total: number) => void,
  work: () => Promise<T>,
  everyMs = 250,
): Promise<T> {
  if (label === undefined) return work()
  const timer = setInterval(() => {
    const { percentage, rows_processed: rows } = connection.progress
    if (percentage >= 0) progress(`${label}: ${Number(rows).toLocaleString('en-US')} rows`, Math.min(percentage, 100), 100)
  }, everyMs)
  try {
    return await work()
  } finally {
    clearInterval(timer)
  }
}
