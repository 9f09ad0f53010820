import type { DatasetNode } from '@dlc/dsl'
import { PYTHON_COMMON } from './python-common.js'
import { shellScript } from './shell-script.js'
import { sparkScript } from './spark-script.js'

export interface GlueScriptOptions {
  /** `python-shell` (default): one machine running DuckDB; `spark`: a `glueetl` job. */
  readonly engine: 'python-shell' | 'spark'
  readonly jobName: string
}

/**
 * The Glue job script of a dataset's ETL, in Python 3.9.
 * @example writeFileSync('sales_etl.py', glueScript(sales.node, { engine: 'python-shell', jobName: 'sales-etl' }))
 */
export function glueScript(dataset: DatasetNode, options: GlueScriptOptions): string {
  return options.engine === 'spark' ? sparkScript(dataset, options.jobName, PYTHON_COMMON) : shellScript(dataset, options.jobName, PYTHON_COMMON)
}
