import { DslError, type Expr } from '../expr/expr.js'
import type { Ended, Flow } from '../flow/flow.js'
import type { Variables } from '../flow/scope.js'
import { schedule, type ScheduleOptions } from '../schedule/schedule.js'
import { buildPipeline, type Draft, type StepSpec } from './build.js'
import type { Dataset } from './dataset.js'
import type { GlueJobNode, PipelineNode } from './ir.js'
import { checkName } from './names.js'
import type { Expectation, Sql } from './sql.js'
import type { Topic } from './topic.js'
import type { Zones } from './zones.js'

/** What the ETL job reports for one batch, read back from its report file. */
export interface EtlFigures {
  readonly rowsRead: number
  readonly rowsWritten: number
  readonly rowsRejected: number
  readonly rowsDeduplicated: number
  readonly partitions: number
  readonly seconds: number
}

export interface BatchFigures {
  readonly files: number
  readonly bytes: number
}

/** The execution input: a batch date to (re)process, or the time the schedule fired. */
export interface PipelineInput {
  /** `YYYY-MM-DD`. */
  readonly batchDate?: string
  /** Set by EventBridge Scheduler (`<aws.scheduler.scheduled-time>`). */
  readonly scheduledTime?: string
}

/** The variables every pipeline has. */
export interface PipelineVars {
  /** The batch being processed, `YYYY-MM-DD`. */
  readonly batchDate: string
  readonly startedAt: string
}

export interface EtlOptions {
  /** The Glue job's name; default `<pipeline>-<dataset>-etl`. */
  readonly job?: string
  /** `python-shell` (default: DuckDB on one Glue worker) or `spark` for batches bigger than one machine. */
  readonly engine?: GlueJobNode['engine']
  /** Glue stops the run after this long; default 60. */
  readonly timeoutMinutes?: number
}

export interface CrawlOptions {
  /** The Glue database the tables land in. */
  readonly database: string
  /** The crawler's name; default `<pipeline>-crawler`. */
  readonly crawler?: string
  /** Seconds between polls of the crawler's state; default 30. */
  readonly pollSeconds?: number
}

export interface NotifyOptions<Vars> {
  /** The success e-mail's text; default the run's figures. `run` holds the pipeline's variables. */
  readonly success?: (run: Variables<Vars>) => Expr<string>
  readonly subject?: (run: Variables<Vars>) => Expr<string>
}

/** How build() reads the `.sql` files queries name; the CLI passes one that reads beside the module. */
export interface BuildOptions {
  readonly readSql?: (file: string) => string
}

/**
 * The nightly data-lake pipeline, step by step. Each call returns a new pipeline; `build()`
 * turns it into the state machine and the resources it declares.
 * @example pipeline('nightly-sales').zones(lake).expectBatch(sales, { ifMissing: 'notify-and-succeed' }).etl(sales).crawl({ database: 'sales_db' })
 */
export class Pipeline<Vars> {
  readonly kind = 'Pipeline'
  declare readonly __vars?: Vars

  constructor(private readonly draft: Draft) {}

  get name(): string {
    return this.draft.name
  }

  /** Where the data lives: `zones('sales-lake')`. */
  zones(lake: Zones): Pipeline<Vars> {
    return this.with({ zones: lake })
  }

  /**
   * Runs the pipeline on an EventBridge Scheduler expression in an IANA zone. Without a batch
   * date in the input, the batch is the fire time's date there, minus `lagDays`.
   */
  schedule(expression: string, options: ScheduleOptions & { readonly lagDays?: number } = {}): Pipeline<Vars> {
    const { lagDays = 0, ...rest } = options
    if (!Number.isInteger(lagDays) || lagDays < 0 || lagDays > 31) throw new DslError(`lagDays ${lagDays} is not 0-31`, '/schedule/lagDays', 'lagDays: 1 processes the day before the run', 'DLC_INVALID_SCHEDULE')
    // The schedule is named after the pipeline, and EventBridge Scheduler names are shorter than state machine names.
    checkName('schedule', this.draft.name, '/name')
    return this.with({ schedule: schedule(expression, rest), lagDays })
  }

  /** Checks that the batch's folder has files; if not, ends the run (after an e-mail) or fails it. */
  expectBatch<N extends string>(dataset: Dataset<unknown, N>, options: { readonly ifMissing: 'notify-and-succeed' | 'fail' }): Pipeline<Vars & { readonly [K in `${N}Batch`]: BatchFigures }> {
    return this.step({ kind: 'expectBatch', dataset: dataset.node, ifMissing: options.ifMissing })
  }

  /** Cleans the batch with the dataset's Glue job; its figures become `run.<dataset>Etl`. */
  etl<N extends string>(dataset: Dataset<unknown, N>, options: EtlOptions = {}): Pipeline<Vars & { readonly [K in `${N}Etl`]: EtlFigures }> {
    return this.step({ kind: 'etl', dataset: dataset.node, options })
  }

  /** Runs the Glue crawler over every cleaned dataset and waits for it. */
  crawl(options: CrawlOptions): Pipeline<Vars> {
    return this.step({ kind: 'crawl', options })
  }

  /**
   * A validation query: the run fails unless its first row meets `expect`. Bounds are numbers
   * or figures of the run: `{ written: (run) => run.salesEtl.rowsWritten }`.
   */
  check<Row>(name: string, query: Sql<Row>, options: { readonly expect: Expectation<Row, Variables<Vars>> }): Pipeline<Vars> {
    return this.step({ kind: 'query', name, purpose: 'check', sql: query, expect: options.expect as Expectation<unknown, unknown> })
  }

  /** An analysis query; its results land in the workgroup's result location. */
  query(name: string, query: Sql<unknown>): Pipeline<Vars> {
    return this.step({ kind: 'query', name, purpose: 'analysis', sql: query })
  }

  /** The Athena workgroup the queries run in; default named after the pipeline, 10 GB cutoff. */
  athena(options: { readonly workgroup?: string; readonly bytesScannedCutoff?: number }): Pipeline<Vars> {
    return this.with({ workgroup: { ...(options.workgroup === undefined ? {} : { name: options.workgroup }), ...(options.bytesScannedCutoff === undefined ? {} : { bytesScannedCutoff: options.bytesScannedCutoff }) } })
  }

  /** E-mails the outcome: a success message, and the failing state, error and cause on failure. */
  notify(to: Topic, options: NotifyOptions<Vars> = {}): Pipeline<Vars> {
    return this.with({ topic: to, notify: options as NotifyOptions<any> })
  }

  /** Plain states between steps: the flow is typed by the pipeline's variables. Ending it (succeed/fail/goto) ends the pipeline there. */
  states<V = Vars>(describe: (flow: Flow<unknown, Vars>) => Flow<unknown, V> | Ended): Pipeline<V> {
    return this.step({ kind: 'states', describe: describe as (flow: Flow<any, any>) => unknown }) as unknown as Pipeline<V>
  }

  /** The state machine and every resource, as IR. */
  build(options: BuildOptions = {}): PipelineNode {
    return buildPipeline(this.draft, options)
  }

  private step(step: StepSpec): any {
    return this.with({ steps: [...this.draft.steps, { ...step, origin: new Error('described here') }] })
  }

  private with(change: Partial<Draft>): Pipeline<Vars> {
    return new Pipeline({ ...this.draft, ...change })
  }
}

const PIPELINE_NAME = /^[A-Za-z0-9_-]{1,69}$/

/** Starts a pipeline. Its name names the state machine and, by default, its jobs and workgroup. */
export function pipeline(name: string, options: { readonly comment?: string } = {}): Pipeline<PipelineVars> {
  if (!PIPELINE_NAME.test(name)) throw new DslError(`"${name}" is not a valid pipeline name`, '/name', 'use 1-69 letters, digits, "-" or "_" (it names the state machine, with room for "-<stage>")', 'DLC_INVALID_NAME')
  return new Pipeline({ name, ...(options.comment === undefined ? {} : { comment: options.comment }), lagDays: 0, steps: [] })
}

export function isPipeline(value: unknown): value is Pipeline<unknown> {
  return value instanceof Pipeline
}
