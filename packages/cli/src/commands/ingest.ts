import type { Command } from '../command.js'

const HELP = `Usage: dlc ingest <files...> --batch-date <date> [options]

Copies batch files into a pipeline's local raw zone, where dlc run's pipeline finds them:
<project>/.dlc/s3/<bucket>/<raw prefix><dataset>/<batch date>/<file name>, as the export
would land in S3. The batch's earlier files are replaced, never mixed with the new ones.

Options:
      --batch-date <date>  The batch the files belong to, yyyy-mm-dd (required)
      --dataset <name>     The dataset they are (required when the pipeline has several)
      --project <dir>      The pipeline's project directory (default: .)
  -h, --help               Show this help

Exit codes: 0 copied, 1 the pipeline has errors or a file cannot be read, 2 bad usage.
`

/** `dlc ingest`: files in, a batch in the local raw zone out. */
export const ingestCommand: Command = {
  name: 'ingest',
  summary: "Copy batch files into a pipeline's local raw zone, for dlc run",
  help: HELP,
  options: {
    'batch-date': { type: 'string' },
    dataset: { type: 'string' },
    project: { type: 'string' },
  },
  async run(args, io) {
    const { ingest } = await import('../run/ingest.js')
    return ingest(args, io)
  },
}
