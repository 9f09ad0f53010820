import { didYouMean } from '@dlc/dsl'

/** A mistake in how dlc was called: printed with the usage, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
  constructor(
    message: string,
    /** The command whose usage to point at, if any. */
    readonly command?: string,
  ) {
    super(message)
  }
}

/** One `--flag`: a boolean switch, or an option that takes a value. */
export interface OptionSpec {
  readonly type: 'boolean' | 'string'
  readonly short?: string
  /** For string options: the values allowed, if only a few are. */
  readonly choices?: readonly string[]
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>

export interface ParsedArgs {
  readonly options: Readonly<Record<string, string | boolean | undefined>>
  readonly positionals: readonly string[]
}

/**
 * Splits argv into options and positionals: `--out dir`, `--out=dir`, `-o dir`, `--yaml`,
 * and `--` to end options.
 *
 * @example parseArgs(['site', '--out', 'build'], { out: { type: 'string' } }) // { options: { out: 'build' }, positionals: ['site'] }
 */
export function parseArgs(argv: readonly string[], specs: OptionSpecs, command?: string): ParsedArgs {
  const options: Record<string, string | boolean> = {}
  const positionals: string[] = []
  const byShort = new Map(Object.entries(specs).flatMap(([name, spec]) => (spec.short ? [[spec.short, name] as const] : [])))
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1))
      break
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg)
      continue
    }
    const equals = arg.indexOf('=')
    const flag = equals === -1 ? arg : arg.slice(0, equals)
    const name = flag.startsWith('--') ? flag.slice(2) : byShort.get(flag.slice(1))
    const spec = name === undefined ? undefined : specs[name]
    if (name === undefined || spec === undefined) throw new UsageError(`unknown option ${flag}${suggestion(flag, specs)}`, command)
    if (spec.type === 'boolean') {
      if (equals !== -1) throw new UsageError(`${flag} takes no value`, command)
      options[name] = true
      continue
    }
    const value = equals === -1 ? argv[++i] : arg.slice(equals + 1)
    if (value === undefined || (equals === -1 && value.startsWith('-') && value !== '-')) {
      throw new UsageError(`${flag} needs a value`, command)
    }
    if (spec.choices && !spec.choices.includes(value)) {
      throw new UsageError(`${flag} must be one of ${spec.choices.join(', ')}, not "${value}"`, command)
    }
    options[name] = value
  }
  return { options, positionals }
}

function suggestion(flag: string, specs: OptionSpecs): string {
  const typed = flag.replace(/^-+/, '')
  const close = didYouMean(typed, Object.keys(specs))
  return close === undefined ? '' : `; did you mean --${close}?`
}

/** The one project directory or module a command takes, or a usage error. */
export function projectPath(args: ParsedArgs, command: string): string {
  const [target, ...extra] = args.positionals
  if (target === undefined) throw new UsageError(`${command} needs a project directory or a .ts file`, command)
  if (extra.length > 0) throw new UsageError(`${command} takes one path, not ${args.positionals.length}`, command)
  return target
}
