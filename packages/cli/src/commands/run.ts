import type { Command } from '../command.js'

const HELP = `Usage: dlc run <dir|file> [options]

Runs a pipeline end to end on this machine, without AWS: compiles it (as dlc compile
does), places a batch in the local raw zone, and runs the compiled state machine with
local services: S3 on a folder, the Glue jobs on DuckDB, the crawler into a local
catalog, Athena on DuckDB over that catalog, and SNS into an outbox. Everything lives
under <dir>/.dlc: s3/<bucket>/<key>, catalog/, outbox/<topic>.jsonl, runs/<execution>/.

The batch comes from <dir>/data/<dataset>/<batch date>/ (the latest date there unless
--batch-date), or is generated with --rows by <dir>/generator (its generateBatch export).

Options:
      --batch-date <date>  The batch to run, yyyy-mm-dd
      --rows <N>           Generate N messy rows (split across the datasets) instead of
                           using the files under <dir>/data
      --seed <S>           The generator's seed (default 1)
      --at <instant>       Simulate one scheduler fire at this ISO 8601 instant: the
                           pipeline derives the batch date from it, as on AWS
      --schedule           Stay up and start a run at each of the pipeline's schedule
                           times, in the schedule's time zone, until stopped (Ctrl-C)
      --format <format>    text (default): progress as it goes and a summary; json: the
                           summary as one JSON document on stdout
      --smtp <url>         Also e-mail each SNS message through this SMTP server:
                           smtp://[user:password@]host[:port][?from=address][&tls=insecure]
                           or smtps://... (default: $DLC_SMTP_URL; without it, the outbox
                           only). A failed delivery is a warning, not a failed run
  -h, --help               Show this help

Exit codes: 0 the execution succeeded, 1 it failed or the pipeline has errors, 2 bad usage.
`

/** `dlc run`: a pipeline and a batch in, the whole nightly run on this machine out. */
export const runCommand: Command = {
  name: 'run',
  summary: 'Run a pipeline end to end on this machine with local services (no AWS)',
  help: HELP,
  options: {
    'batch-date': { type: 'string' },
    rows: { type: 'string' },
    seed: { type: 'string' },
    at: { type: 'string' },
    schedule: { type: 'boolean' },
    format: { type: 'string', choices: ['text', 'json'] },
    smtp: { type: 'string' },
  },
  async run(args, io) {
    // Loaded when run runs: the runtime, JSONata and DuckDB cost every other command start-up time.
    const { runProject } = await import('../run/run-project.js')
    return runProject(args, io)
  },
}
