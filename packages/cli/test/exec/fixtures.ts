/** State machines the exec tests run, as the files a user would have. */

/** A Glue job with a retry on concurrent runs, its result shaped into the input. */
export const ORDERS = JSON.stringify(
  {
    Comment: 'Loads one day of orders',
    StartAt: 'Load',
    States: {
      Load: {
        Type: 'Task',
        Resource: 'arn:aws:states:::glue:startJobRun.sync',
        Parameters: { JobName: 'nightly-etl', Arguments: { '--date.$': '$.date' } },
        ResultSelector: { 'state.$': '$.JobRunState' },
        ResultPath: '$.load',
        Retry: [{ ErrorEquals: ['Glue.ConcurrentRunsExceededException'], IntervalSeconds: 30, MaxAttempts: 2, BackoffRate: 2 }],
        Next: 'Done',
      },
      Done: { Type: 'Succeed' },
    },
  },
  null,
  2,
)

/** The same machine in YAML, with a deploy-time `${...}` placeholder kept as it is. */
export const ORDERS_YAML = `Comment: Loads one day of orders
StartAt: Load
States:
  Load:
    Type: Task
    Resource: arn:aws:states:::glue:startJobRun.sync
    Parameters:
      JobName: \${NightlyEtlJobName}
      Arguments:
        --date.$: $.date
    ResultPath: $.load
    Next: Report
  Report:
    Type: Pass
    Parameters:
      job: \${NightlyEtlJobName}
      run.$: $.load.JobRunId
    End: true
`

/** No task: a Pass, a Wait of an hour, and a Choice that ends in Succeed or Fail. */
export const CHECK = JSON.stringify({
  StartAt: 'Count',
  States: {
    Count: { Type: 'Pass', Parameters: { 'rows.$': '$.rows' }, Next: 'Settle' },
    Settle: { Type: 'Wait', Seconds: 3600, Next: 'Enough' },
    Enough: { Type: 'Choice', Choices: [{ Variable: '$.rows', NumericGreaterThan: 0, Next: 'Ok' }], Default: 'Empty' },
    Ok: { Type: 'Succeed' },
    Empty: { Type: 'Fail', Error: 'Orders.Empty', Cause: 'no rows to load' },
  },
})

/** `Next` points at a state that is not there, and one state is unreachable. */
export const BROKEN = `{
  "StartAt": "Start",
  "States": {
    "Start": { "Type": "Pass", "Next": "Dnoe" },
    "Done": { "Type": "Succeed" },
    "Other": { "Type": "Succeed" }
  }
}
`
