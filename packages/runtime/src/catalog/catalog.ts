import { randomUUID } from 'node:crypto'
import { appendFile, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { CatalogTableFile, CrawlLogEntry } from './types.js'

const LOG_FILE = '_crawler-log.jsonl'

/**
 * The local Glue Data Catalog: `<dir>/<database>/<table>.json` per table (GetTable's answer plus its
 * partitions) and `<dir>/<database>/_crawler-log.jsonl`, what the crawler logged. Every table write
 * is a temp file renamed into place, so a reader never sees half a table.
 *
 * @example const table = await new LocalCatalog('.dlc/catalog').table('sales_db', 'sales')
 */
export class LocalCatalog {
  constructor(readonly dir: string) {}

  /** The file a table lives in. Names are Glue's (lowercase letters, digits, `_`), so they are safe as file names. */
  tableFile(database: string, table: string): string {
    return join(this.databaseDir(database), `${checkName(table, 'table')}.json`)
  }

  databaseDir(database: string): string {
    return join(this.dir, checkName(database, 'database'))
  }

  /** The table, or undefined when the catalog has none of that name. */
  async table(database: string, table: string): Promise<CatalogTableFile | undefined> {
    const text = await readFile(this.tableFile(database, table), 'utf8').catch((error: unknown) => {
      if (isNotFound(error)) return undefined
      throw error
    })
    return text === undefined ? undefined : (JSON.parse(text) as CatalogTableFile)
  }

  /** The names of a database's tables, sorted. */
  async tables(database: string): Promise<string[]> {
    const names = await readdir(this.databaseDir(database)).catch((error: unknown) => {
      if (isNotFound(error)) return [] as string[]
      throw error
    })
    return names.filter((name) => name.endsWith('.json') && !name.startsWith('.')).map((name) => name.slice(0, -'.json'.length)).sort()
  }

  async hasDatabase(database: string): Promise<boolean> {
    return (await readdir(this.databaseDir(database)).catch(() => undefined)) !== undefined
  }

  async putTable(file: CatalogTableFile): Promise<void> {
    await writeAtomically(this.tableFile(file.Table.DatabaseName, file.Table.Name), `${JSON.stringify(file, null, 2)}\n`)
  }

  async log(database: string, entries: readonly CrawlLogEntry[]): Promise<void> {
    if (entries.length === 0) return
    await mkdir(this.databaseDir(database), { recursive: true })
    await appendFile(join(this.databaseDir(database), LOG_FILE), entries.map((entry) => `${JSON.stringify(entry)}\n`).join(''))
  }

  async readLog(database: string): Promise<CrawlLogEntry[]> {
    const text = await readFile(join(this.databaseDir(database), LOG_FILE), 'utf8').catch((error: unknown) => {
      if (isNotFound(error)) return ''
      throw error
    })
    return text
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as CrawlLogEntry)
  }
}

/** Writes a file through a temp file in the same folder and a rename. */
export async function writeAtomically(file: string, content: string | Uint8Array): Promise<void> {
  await mkdir(dirname(file), { recursive: true })
  const temp = join(dirname(file), `.dlc-tmp-${randomUUID()}`)
  try {
    await writeFile(temp, content)
    await rename(temp, file)
  } finally {
    await rm(temp, { force: true })
  }
}

function checkName(name: string, what: string): string {
  if (!/^[A-Za-z0-9_][A-Za-z0-9_-]*$/.test(name)) throw new Error(`'${name}' is not a valid Glue ${what} name`)
  return name.toLowerCase()
}

function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error.code === 'ENOENT' || error.code === 'ENOTDIR')
}
