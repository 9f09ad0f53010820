/**
 * The peer of `dlc compile examples/datalake`: the same nightly-sales stack written the way a CDK
 * user would (L2 constructs and grants where aws-cdk-lib has them, L1 for Glue and Athena, whose
 * L2s are alpha packages), synthesized offline with `app.synth()`.
 *
 *   node cdk-app.cjs --out=<dlc's out dir> --outdir=<cdk.out> [--variant=default|no-validation|fastest]
 *
 * It reads what dlc generated and a CDK user would keep in their repository anyway: the ASL
 * definition (with dlc's `${Placeholders}`, filled by `definitionSubstitutions`) and the SQL
 * (`sql/<dataset>.etl.sql`: one cleaning Glue job per dataset; every other `sql/*.sql`: an Athena
 * named query). `run.ts` compiles this file with esbuild, as `tsc` would for `cdk synth`.
 */
import { App, ArnFormat, CfnCondition, CfnOutput, CfnParameter, Duration, Fn, RemovalPolicy, Stack, TimeZone } from 'aws-cdk-lib'
import * as athena from 'aws-cdk-lib/aws-athena'
import * as glue from 'aws-cdk-lib/aws-glue'
import * as iam from 'aws-cdk-lib/aws-iam'
import * as kms from 'aws-cdk-lib/aws-kms'
import * as logs from 'aws-cdk-lib/aws-logs'
import * as s3 from 'aws-cdk-lib/aws-s3'
import * as scheduler from 'aws-cdk-lib/aws-scheduler'
import * as targets from 'aws-cdk-lib/aws-scheduler-targets'
import * as sns from 'aws-cdk-lib/aws-sns'
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions'
import * as sfn from 'aws-cdk-lib/aws-stepfunctions'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** How much of CDK's own checking and metadata the app keeps. */
const VARIANTS = ['default', 'no-validation', 'fastest'] as const
type Variant = (typeof VARIANTS)[number]

const NAME = 'nightly-sales'
const DATABASE = 'sales_db'

/**
 * `new App(...)` for a variant. `default` is what `new App()` does. `no-validation` turns off only
 * the CloudFormation validation that synth runs (@aws/cloudformation-validate, WebAssembly), the
 * same switch as `cdk synth --no-validation` or `CDK_VALIDATION=false`. `fastest` also drops every
 * bit of metadata synth can skip: construct stack traces, the construct tree (tree.json), path
 * metadata, the CDKMetadata (version reporting) resource and the slow-synth performance report.
 */
function appFor(variant: Variant, outdir: string): App {
  if (variant === 'default') return new App({ outdir })
  if (variant === 'no-validation') return new App({ outdir, builtinCloudFormationValidation: false })
  return new App({
    outdir,
    builtinCloudFormationValidation: false,
    stackTraces: false,
    treeMetadata: false,
    analyticsReporting: false,
    performanceReporting: false,
    context: { 'aws:cdk:enable-path-metadata': false, 'aws:cdk:disable-creation-stack-traces': true, 'aws:cdk:disable-logicalId-metadata': true },
  })
}

/** The nightly-sales stack: the resources, parameters and outputs of dlc's template.yaml. */
class NightlySalesStack extends Stack {
  constructor(app: App, out: string) {
    super(app, 'NightlySales', { description: `${NAME}: data-lake pipeline (AWS CDK)` })
    const stage = new CfnParameter(this, 'Stage', { default: 'dev', allowedPattern: '^[a-z][a-z0-9]{0,9}$' })
    const alertEmail = new CfnParameter(this, 'AlertEmail', { default: 'data-team@example.com' })
    const scheduleEnabled = new CfnParameter(this, 'ScheduleEnabled', { default: 'true', allowedValues: ['true', 'false'] })
    const scheduleOn = new CfnCondition(this, 'ScheduleOn', { expression: Fn.conditionEquals(scheduleEnabled.valueAsString, 'true') })
    const named = (name: string) => `${name}-${stage.valueAsString}`

    const lake = new s3.Bucket(this, 'Lake', {
      bucketName: named('dlc-sales-lake'),
      encryption: s3.BucketEncryption.S3_MANAGED,
      bucketKeyEnabled: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      versioned: true,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(7) },
        { id: 'expire-athena-results', prefix: 'athena-results/', expiration: Duration.days(30) },
      ],
    })

    const database = new glue.CfnDatabase(this, 'GlueDatabase', {
      catalogId: this.account,
      databaseInput: { name: DATABASE, description: `Tables of the ${NAME} pipeline` },
    })
    const sqlFiles = readdirSync(join(out, 'sql')).filter((file) => file.endsWith('.sql'))
    const datasets = sqlFiles.filter((file) => file.endsWith('.etl.sql')).map((file) => file.slice(0, -'.etl.sql'.length))
    const tables = datasets.flatMap((dataset) => [dataset, `${dataset}_rejected`])
    const catalogArns = ['catalog', `database/${DATABASE}`, ...tables.map((table) => `table/${DATABASE}/${table}`)].map((resource) => this.formatArn({ service: 'glue', resource }))
    const cleaned = (dataset: string) => [`processed/${dataset}/*`, `rejected/${dataset}_rejected/*`]

    const jobs = datasets.map((dataset) => {
      const jobName = `${NAME}-${dataset.replaceAll('_', '-')}-etl`
      const scriptKey = `scripts/glue/${jobName}.py`
      const role = new iam.Role(this, `${pascal(dataset)}EtlJobRole`, { assumedBy: new iam.ServicePrincipal('glue.amazonaws.com') })
      lake.grantRead(role, `raw/${dataset}/*`)
      lake.grantRead(role, scriptKey)
      for (const prefix of [...cleaned(dataset), `rejected/_reports/${dataset}/*`]) lake.grantReadWrite(role, prefix)
      role.addToPolicy(glueLogs(this, '/aws-glue/*'))
      const job = new glue.CfnJob(this, `${pascal(dataset)}EtlJob`, {
        name: named(jobName),
        description: `Cleans the ${dataset} batch`,
        role: role.roleArn,
        timeout: 60,
        maxRetries: 0,
        executionProperty: { maxConcurrentRuns: 1 },
        command: { name: 'pythonshell', pythonVersion: '3.9', scriptLocation: lake.s3UrlForObject(scriptKey) },
        glueVersion: '3.0',
        maxCapacity: 1,
        defaultArguments: { '--additional-python-modules': 'duckdb==1.5.6', 'library-set': 'analytics' },
      })
      return { dataset, job }
    })

    const crawlerRole = new iam.Role(this, 'CrawlerRole', { assumedBy: new iam.ServicePrincipal('glue.amazonaws.com') })
    for (const prefix of datasets.flatMap(cleaned)) lake.grantRead(crawlerRole, prefix)
    crawlerRole.addToPolicy(
      new iam.PolicyStatement({
        actions: ['glue:BatchCreatePartition', 'glue:BatchGetPartition', 'glue:BatchUpdatePartition', 'glue:CreatePartition', 'glue:CreateTable', 'glue:GetDatabase', 'glue:GetPartition', 'glue:GetPartitions', 'glue:GetTable', 'glue:GetTables', 'glue:UpdatePartition', 'glue:UpdateTable'],
        resources: catalogArns,
      }),
    )
    crawlerRole.addToPolicy(glueLogs(this, '/aws-glue/crawlers'))
    const crawler = new glue.CfnCrawler(this, 'Crawler', {
      name: named(`${NAME}-crawler`),
      role: crawlerRole.roleArn,
      databaseName: DATABASE,
      targets: { s3Targets: datasets.flatMap(cleaned).map((prefix) => ({ path: lake.s3UrlForObject(prefix.slice(0, -1)) })) },
      schemaChangePolicy: { updateBehavior: 'UPDATE_IN_DATABASE', deleteBehavior: 'LOG' },
      recrawlPolicy: { recrawlBehavior: 'CRAWL_EVERYTHING' },
      configuration: JSON.stringify({ Version: 1, CrawlerOutput: { Partitions: { AddOrUpdateBehavior: 'InheritFromTable' } }, Grouping: { TableGroupingPolicy: 'CombineCompatibleSchemas' } }),
    })
    crawler.addResourceDependency(database)

    const workgroup = new athena.CfnWorkGroup(this, 'Workgroup', {
      name: named(NAME),
      description: `Queries of the ${NAME} pipeline`,
      recursiveDeleteOption: true,
      workGroupConfiguration: {
        enforceWorkGroupConfiguration: true,
        publishCloudWatchMetricsEnabled: true,
        bytesScannedCutoffPerQuery: 10_000_000_000,
        engineVersion: { selectedEngineVersion: 'Athena engine version 3' },
        resultConfiguration: { outputLocation: lake.s3UrlForObject('athena-results/'), encryptionConfiguration: { encryptionOption: 'SSE_S3' } },
      },
    })
    // Every query file is a named query; the ETL's own SQL runs inside the Glue job instead.
    for (const file of sqlFiles.filter((f) => !f.endsWith('.etl.sql'))) {
      const name = file.slice(0, -'.sql'.length)
      new athena.CfnNamedQuery(this, `${name}Query`, {
        name,
        description: `Query of ${NAME}`,
        database: DATABASE,
        workGroup: workgroup.ref,
        queryString: readFileSync(join(out, 'sql', file), 'utf8').trimEnd(),
      })
    }

    const alerts = new sns.Topic(this, 'Alerts', {
      topicName: named('dlc-sales-alerts'),
      displayName: NAME,
      masterKey: kms.Alias.fromAliasName(this, 'SnsKey', 'alias/aws/sns'),
    })
    alerts.addSubscription(new subscriptions.EmailSubscription(alertEmail.valueAsString))

    const logGroup = new logs.LogGroup(this, 'StateMachineLogs', {
      logGroupName: `/aws/vendedlogs/states/${named(NAME)}`,
      retention: logs.RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    })
    const stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      stateMachineName: named(NAME),
      stateMachineType: sfn.StateMachineType.STANDARD,
      definitionBody: sfn.DefinitionBody.fromString(readFileSync(join(out, `${NAME}.asl.json`), 'utf8')),
      definitionSubstitutions: {
        DlcSalesAlertsTopicArn: alerts.topicArn,
        DlcSalesLakeBucketName: lake.bucketName,
        NightlySalesCrawlerCrawlerName: crawler.ref,
        ...Object.fromEntries(jobs.map(({ dataset, job }) => [`${pascal(NAME)}${pascal(dataset)}EtlJobName`, job.ref])),
        NightlySalesWorkgroupName: workgroup.ref,
      },
      logs: { destination: logGroup, level: sfn.LogLevel.ALL, includeExecutionData: false },
    })
    alerts.grantPublish(stateMachine)
    for (const dataset of datasets) for (const prefix of [`raw/${dataset}/*`, `rejected/_reports/${dataset}/*`, ...cleaned(dataset)]) lake.grantRead(stateMachine, prefix)
    lake.grantReadWrite(stateMachine, 'athena-results/*')
    const workgroupArn = this.formatArn({ service: 'athena', resource: 'workgroup', resourceName: workgroup.ref })
    const statements = [
      { actions: ['glue:BatchStopJobRun', 'glue:GetJobRun', 'glue:GetJobRuns', 'glue:StartJobRun'], resources: jobs.map(({ job }) => this.formatArn({ service: 'glue', resource: 'job', resourceName: job.ref })) },
      { actions: ['glue:GetCrawler', 'glue:StartCrawler'], resources: [this.formatArn({ service: 'glue', resource: 'crawler', resourceName: crawler.ref })] },
      { actions: ['athena:GetQueryExecution', 'athena:GetQueryResults', 'athena:StartQueryExecution', 'athena:StopQueryExecution'], resources: [workgroupArn] },
      { actions: ['athena:GetDataCatalog'], resources: [this.formatArn({ service: 'athena', resource: 'datacatalog', resourceName: 'AwsDataCatalog' })] },
      { actions: ['glue:BatchGetPartition', 'glue:GetDatabase', 'glue:GetPartition', 'glue:GetPartitions', 'glue:GetTable', 'glue:GetTables'], resources: catalogArns },
      { actions: ['lakeformation:GetDataAccess'], resources: ['*'] },
    ]
    for (const statement of statements) stateMachine.addToRolePolicy(new iam.PolicyStatement(statement))

    const schedule = new scheduler.Schedule(this, 'Schedule', {
      scheduleName: named(NAME),
      description: `Starts ${NAME}`,
      schedule: scheduler.ScheduleExpression.cron({ minute: '0', hour: '3', timeZone: TimeZone.AMERICA_BOGOTA }),
      timeWindow: scheduler.TimeWindow.flexible(Duration.minutes(15)),
      target: new targets.StepFunctionsStartExecution(stateMachine, {
        input: scheduler.ScheduleTargetInput.fromObject({ scheduledTime: scheduler.ContextAttribute.scheduledTime }),
        retryAttempts: 2,
        maxEventAge: Duration.hours(1),
      }),
    })
    // The L2 takes `enabled` as a boolean; a parameter-driven switch needs the escape hatch.
    ;(schedule.node.defaultChild as scheduler.CfnSchedule).state = Fn.conditionIf(scheduleOn.logicalId, 'ENABLED', 'DISABLED').toString()

    for (const zone of ['Raw', 'Processed', 'Rejected', 'Scripts', 'AthenaResults']) new CfnOutput(this, `${zone}Bucket`, { value: lake.bucketName })
    new CfnOutput(this, 'StateMachineArn', { value: stateMachine.stateMachineArn })
    new CfnOutput(this, 'WorkgroupName', { value: workgroup.ref })
    new CfnOutput(this, 'TopicArn', { value: alerts.topicArn })
  }
}

/** `erp_sales` -> `ErpSales`, `nightly-sales` -> `NightlySales`: construct ids, and the names of dlc's placeholders. */
function pascal(name: string): string {
  return name.split(/[-_]/).map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('')
}

function glueLogs(stack: Stack, logGroup: string): iam.PolicyStatement {
  const arn = stack.formatArn({ service: 'logs', resource: 'log-group', resourceName: logGroup, arnFormat: ArnFormat.COLON_RESOURCE_NAME })
  return new iam.PolicyStatement({ actions: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'], resources: [arn, `${arn}:log-stream:*`] })
}

const args = new Map(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string]))
const out = args.get('out')
const outdir = args.get('outdir')
const variant = VARIANTS.find((v) => v === (args.get('variant') ?? 'default'))
if (out === undefined || outdir === undefined || variant === undefined) {
  throw new Error(`usage: node cdk-app.cjs --out=<dlc out dir> --outdir=<cdk.out> [--variant=${VARIANTS.join('|')}]`)
}
const app = appFor(variant, outdir)
new NightlySalesStack(app, out)
app.synth()
