import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { main } from '../src/index.js'
import { dlc } from './helpers.js'

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }

describe('dlc', () => {
  it('prints help on --help and exits 0', async () => {
    const run = await dlc(['--help'], process.cwd())
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('Usage: dlc <command> [options]')
    expect(run.stdout).toMatch(/^ {2}compile +Compile workflows/m)
  })

  it('prints the version', async () => {
    expect(await dlc(['--version'], process.cwd())).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' })
  })

  it('prints a command\'s help for "help <command>" and "<command> --help" alike', async () => {
    const viaHelp = await dlc(['help', 'compile'], process.cwd())
    const viaFlag = await dlc(['compile', '--help'], process.cwd())
    expect(viaHelp.code).toBe(0)
    expect(viaHelp.stdout).toContain('Usage: dlc compile <dir|file> [options]')
    expect(viaFlag).toEqual(viaHelp)
  })

  it('exits 2 with usage on no arguments', async () => {
    const run = await dlc([], process.cwd())
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('Usage: dlc <command>')
  })

  it('prints the stack and calls it a bug when dlc itself fails, exit 70', async () => {
    let stderr = ''
    const broken = { write: () => { throw new Error('stdout is closed') } }
    const code = await main(['--version'], { stdout: broken, stderr: { write: (text: string) => (stderr += text) }, cwd: process.cwd() })
    expect(code).toBe(70)
    expect(stderr).toMatch(/^dlc: internal error: Error: stdout is closed\n\s+at /)
    expect(stderr).toContain('This is a bug in dlc')
  })

  it.each([
    [['deploy'], 'dlc: unknown command "deploy"; the commands are compile, validate, exec, run, ingest, schedule\nRun "dlc --help" for usage.\n'],
    [['help', 'deploy'], 'dlc: unknown command "deploy"; the commands are compile, validate, exec, run, ingest, schedule\nRun "dlc --help" for usage.\n'],
    [['--verbose'], 'dlc: unknown option --verbose\nRun "dlc --help" for usage.\n'],
    [['compile', '.', '--yml'], 'dlc: unknown option --yml; did you mean --yaml?\nRun "dlc help compile" for usage.\n'],
    [['compile', '.', '--format', 'xml'], 'dlc: --format must be one of text, json, not "xml"\nRun "dlc help compile" for usage.\n'],
    [['compile', '.', '--out'], 'dlc: --out needs a value\nRun "dlc help compile" for usage.\n'],
    [['compile'], 'dlc: compile needs a project directory or a .ts file\nRun "dlc help compile" for usage.\n'],
    [['compile', 'a', 'b'], 'dlc: compile takes one path, not 2\nRun "dlc help compile" for usage.\n'],
    [['compile', '.', '--region', 'eu-west-1'], 'dlc: --account and --region go together\nRun "dlc help compile" for usage.\n'],
    [['compile', '.', '--stage', 'dev'], 'dlc: --stage needs --account and --region\nRun "dlc help compile" for usage.\n'],
    [['compile', '.', '--account', '42', '--region', 'eu-west-1'], 'dlc: --account must be a 12-digit AWS account id, not "42"\nRun "dlc help compile" for usage.\n'],
  ])('exits 2 on bad usage: dlc %j', async (argv, stderr) => {
    expect(await dlc(argv, process.cwd())).toEqual({ code: 2, stdout: '', stderr })
  })
})
