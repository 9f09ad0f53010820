import type { ResolveTarget } from '@dlc/compiler'
import { createHash } from 'node:crypto'
import { relative, resolve } from 'node:path'
import { projectPath, UsageError, type ParsedArgs } from '../args.js'
import { writeArtifacts } from '../artifacts.js'
import type { Command } from '../command.js'
import { compileProject, type CompileOutcome, type PlannedArtifact } from '../compile/project.js'
import { isError, printDiagnostics, summary, type FileDiagnostic } from '../diagnostics.js'
import type { Io } from '../io.js'

const HELP = `Usage: dlc compile <dir|file> [options]

Compiles every workflow and pipeline a TypeScript module exports. <dir> is searched
for workflow.ts, pipeline.ts and index.ts, in that order; the module needs no build
step. If anything has an error, nothing is written.

A workflow is written to <out>/<name>.asl.json. A pipeline writes everything AWS
needs: <name>.asl.json (with \${Placeholders}), <name>.workflow-studio.asl.json
(resolved; example account, region and stage unless given), template.yaml and
template.json (CloudFormation), glue/<job>.py, sql/*.sql and manifest.json (every
file with its sha256).

Options:
  -o, --out <dir>        Where to write (default: <dir>/out, beside the module)
      --yaml             Also write <name>.asl.yaml
      --format <format>  text (default), or json: a report on stdout for tools
      --account <id>     With --region: also write <name>.workflow-studio.asl.json,
      --region <region>    its \${Placeholders} resolved to names and ARNs there
      --stage <stage>    Resolve resource names as <name>-<stage>
      --strict           Also check each template with AWS's CloudFormation
                         validator (@aws/cloudformation-validate; a few seconds)
  -h, --help             Show this help

Exit codes: 0 written, 1 errors in the workflow (nothing written), 2 bad usage.
`

/** `dlc compile`: workflows in, ASL files out. */
export const compileCommand: Command = {
  name: 'compile',
  summary: 'Compile workflows to Amazon States Language (ASL) JSON',
  help: HELP,
  options: {
    out: { type: 'string', short: 'o' },
    yaml: { type: 'boolean' },
    format: { type: 'string', choices: ['text', 'json'] },
    account: { type: 'string' },
    region: { type: 'string' },
    stage: { type: 'string' },
    strict: { type: 'boolean' },
  },
  async run(args, io) {
    const target = projectPath(args, 'compile')
    const resolveTarget = resolveOption(args)
    const out = stringOption(args, 'out')
    const outcome = await compileProject({
      target: resolve(io.cwd, target),
      ...(out === undefined ? {} : { outDir: resolve(io.cwd, out) }),
      yaml: args.options['yaml'] === true,
      strict: args.options['strict'] === true,
      ...(resolveTarget === undefined ? {} : { resolve: resolveTarget }),
      cwd: io.cwd,
    })
    const written = await write(outcome, io.cwd)
    if (args.options['format'] === 'json') printJson(io, written)
    else printText(io, written)
    return written.ok ? 0 : 1
  },
}

function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.options[name]
  return typeof value === 'string' ? value : undefined
}

function resolveOption(args: ParsedArgs): ResolveTarget | undefined {
  const account = stringOption(args, 'account')
  const region = stringOption(args, 'region')
  const stage = stringOption(args, 'stage')
  if (account === undefined && region === undefined) {
    if (stage !== undefined) throw new UsageError('--stage needs --account and --region', 'compile')
    return undefined
  }
  if (account === undefined || region === undefined) throw new UsageError('--account and --region go together', 'compile')
  if (!/^\d{12}$/.test(account)) throw new UsageError(`--account must be a 12-digit AWS account id, not "${account}"`, 'compile')
  return { account, region, ...(stage === undefined ? {} : { stage }) }
}

interface WriteResult {
  readonly ok: boolean
  /** Written; none unless ok. */
  readonly artifacts: readonly PlannedArtifact[]
  readonly diagnostics: readonly FileDiagnostic[]
}

/** Writes the artifacts unless something has an error. */
async function write(outcome: CompileOutcome, cwd: string): Promise<WriteResult> {
  if (outcome.diagnostics.some(isError)) return { ok: false, artifacts: [], diagnostics: outcome.diagnostics }
  try {
    await writeArtifacts(outcome.artifacts)
    return { ok: true, artifacts: outcome.artifacts, diagnostics: outcome.diagnostics }
  } catch (error) {
    if (!isFileSystemError(error)) throw error
    const failed: FileDiagnostic = {
      file: relative(cwd, error.path ?? cwd) || '.',
      severity: 'ERROR',
      code: 'DLC_WRITE_FAILED',
      message: error.message,
      hint: 'check that --out names a directory you can write to',
    }
    return { ok: false, artifacts: [], diagnostics: [...outcome.diagnostics, failed] }
  }
}

function isFileSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string'
}

function printText(io: Io, result: WriteResult): void {
  printDiagnostics(io.stderr, result.diagnostics)
  for (const artifact of result.artifacts) {
    const states = artifact.states === undefined ? '' : ` (${artifact.states} ${artifact.states === 1 ? 'state' : 'states'})`
    io.stdout.write(`wrote ${relative(io.cwd, artifact.path)}${states}\n`)
  }
  if (!result.ok) io.stderr.write(`${summary(result.diagnostics)}; nothing written\n`)
}

function printJson(io: Io, result: WriteResult): void {
  const report = {
    ok: result.ok,
    artifacts: result.artifacts.map((artifact) => ({
      path: relative(io.cwd, artifact.path),
      name: artifact.name,
      states: artifact.states,
      sha256: createHash('sha256').update(artifact.content).digest('hex'),
    })),
    diagnostics: result.diagnostics,
  }
  io.stdout.write(JSON.stringify(report, null, 2) + '\n')
}
