import { DuckDBInstance } from '@duckdb/node-api'
import { describe, expect, it } from 'vitest'
import { withProgress } from '../../src/services/glue/duckdb-progress.js'

describe('withProgress', () => {
  it("reports DuckDB's progress on a running statement, rising, as percent of 100", async () => {
    const connection = await (await DuckDBInstance.create(':memory:', { threads: '1' })).connect()
    await connection.run('SET enable_progress_bar = true; SET enable_progress_bar_print = false; SET progress_bar_time = 0')
    const reports: { message: string; done: number; total: number }[] = []
    await connection.run('CREATE TABLE numbers AS SELECT i FROM range(5000000) AS t(i)')
    // A table scan as the ETL's statements are, long enough on any machine to be sampled every 5 ms.
    await withProgress(connection, 'hashing', (message, done, total) => reports.push({ message, done, total }), () => connection.run('CREATE TABLE hashed AS SELECT md5(CAST(i AS VARCHAR)) AS h FROM numbers'), 5)
    expect((await connection.runAndReadAll('SELECT count(*) FROM hashed')).getRows()).toEqual([[5000000n]])
    expect(reports.length).toBeGreaterThan(1)
    for (const report of reports) {
      expect(report.total).toBe(100)
      expect(report.done).toBeGreaterThanOrEqual(0)
      expect(report.done).toBeLessThanOrEqual(100)
      expect(report.message).toMatch(/^hashing: [\d,]+ rows$/)
    }
    const done = reports.map((report) => report.done)
    expect(done).toEqual([...done].sort((a, b) => a - b))
    expect(done.at(-1)).toBeGreaterThan(done[0] as number)
    connection.closeSync()
  }, 60_000)

  it('reports nothing for a step without a label, and stops reporting when the work ends', async () => {
    const connection = await (await DuckDBInstance.create(':memory:')).connect()
    const reports: string[] = []
    await withProgress(connection, undefined, (message) => reports.push(message), () => connection.run('SELECT 1'), 1)
    await withProgress(connection, 'quick', (message) => reports.push(message), () => connection.run('SELECT 1'), 1)
    const after = reports.length
    await new Promise((done) => setTimeout(done, 20))
    expect(reports.length).toBe(after)
    connection.closeSync()
  })
})
