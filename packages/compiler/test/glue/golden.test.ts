import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { DUCKDB_PYTHON_VERSION, etlSql, glueScript, sparkSql } from '@dlc/compiler'
import { DuckDBInstance } from '@duckdb/node-api'
import { erpSales, sales } from './datasets.js'

const goldenDir = join(dirname(fileURLToPath(import.meta.url)), 'golden')

/** Compares with the reviewed golden file byte for byte; `UPDATE_GOLDEN=1` writes it (review the diff). */
function expectGolden(name: string, text: string): void {
  const file = join(goldenDir, name)
  if (process.env.UPDATE_GOLDEN === '1' && (!existsSync(file) || readFileSync(file, 'utf8') !== text)) {
    mkdirSync(goldenDir, { recursive: true })
    writeFileSync(file, text)
  }
  expect(text).toBe(readFileSync(file, 'utf8'))
}

const scripts = {
  'sales.shell.py': glueScript(sales.node, { engine: 'python-shell', jobName: 'sales-etl' }),
  'sales.spark.py': glueScript(sales.node, { engine: 'spark', jobName: 'sales-etl' }),
  'erp_sales.shell.py': glueScript(erpSales.node, { engine: 'python-shell', jobName: 'erp-sales-etl' }),
  'erp_sales.spark.py': glueScript(erpSales.node, { engine: 'spark', jobName: 'erp-sales-etl' }),
}

describe('golden files of the sales dataset', () => {
  test('DuckDB SQL', () => expectGolden('sales.duckdb.sql', etlSql(sales.node)))
  test('Spark SQL', () => expectGolden('sales.spark.sql', sparkSql(sales.node)))
  test('Python shell job', () => expectGolden('sales.shell.py', scripts['sales.shell.py']))
  test('Spark job', () => expectGolden('sales.spark.py', scripts['sales.spark.py']))
})

test('the pinned duckdb Python package is the DuckDB the tests run', async () => {
  const instance = await DuckDBInstance.create(':memory:')
  const connection = await instance.connect()
  const version = (await connection.runAndReadAll('SELECT version() AS v')).getRowObjectsJson()[0]?.v
  connection.closeSync()
  instance.closeSync()
  expect(version).toBe(`v${DUCKDB_PYTHON_VERSION}`)
})

const python = spawnSync('python3', ['--version']).status === 0
if (!python) console.warn('python3 not found: the generated Python is not compiled by this run')

describe.skipIf(!python)('the generated Python (python3)', () => {
  const folder = mkdtempSync(join(tmpdir(), 'dlc-glue-py-'))
  const paths = Object.entries(scripts).map(([name, text]) => {
    const path = join(folder, name)
    writeFileSync(path, text)
    return path
  })
  /** Compiles as Python 3.9 (Glue's Python shell), then prints the named constants, evaluated, as JSON. */
  const inspect = (path: string, names: readonly string[]) => {
    const program = [
      'import ast, json, py_compile, sys',
      'py_compile.compile(sys.argv[1], doraise=True)',
      'tree = ast.parse(open(sys.argv[1], encoding="utf-8").read(), feature_version=(3, 9))',
      'found = {t.id: ast.literal_eval(n.value) for n in tree.body if isinstance(n, ast.Assign) for t in n.targets if isinstance(t, ast.Name) and t.id in sys.argv[2:]}',
      'print(json.dumps(found))',
    ].join('\n')
    const run = spawnSync('python3', ['-c', program, path, ...names], { encoding: 'utf8' })
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    return JSON.parse(run.stdout) as Record<string, unknown>
  }

  test.each(Object.keys(scripts).map((name, index) => [name, paths[index] as string]))('%s passes py_compile and parses as Python 3.9', (_, path) => {
    inspect(path, [])
  })

  test('the SQL in the Python shell job is byte-identical to etlSql()', () => {
    expect(inspect(paths[0] as string, ['ETL_SQL', 'DUCKDB_VERSION'])).toEqual({ ETL_SQL: etlSql(sales.node), DUCKDB_VERSION: DUCKDB_PYTHON_VERSION })
    expect(inspect(paths[2] as string, ['ETL_SQL']).ETL_SQL).toBe(etlSql(erpSales.node))
  })

  test('the Spark job runs the statements of sparkSql(), in order', () => {
    const { ETL_STATEMENTS } = inspect(paths[1] as string, ['ETL_STATEMENTS']) as { ETL_STATEMENTS: string[] }
    expect(`-- dlc ETL for dataset "sales" (Spark SQL 3.3/3.5), generated from its spec; do not edit.\n\n${ETL_STATEMENTS.map((statement) => `${statement};\n`).join('\n')}`).toBe(sparkSql(sales.node))
    rmSync(folder, { recursive: true, force: true })
  })
})
