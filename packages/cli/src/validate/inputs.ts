import { stat } from 'node:fs/promises'
import { relative, resolve, sep } from 'node:path'
import { glob, isDynamicPattern } from 'tinyglobby'
import { UsageError } from '../args.js'

/** A file to validate, and whether the user named it (rather than a glob or directory finding it). */
export interface InputFile {
  readonly path: string
  readonly explicit: boolean
}

const IGNORED = ['**/node_modules/**', '**/.git/**']
const DEFINITIONS_IN_DIRECTORY = '**/*.asl.{json,yaml,yml}'

/**
 * Turns the command line's paths into files, in the order given, each once: a file as it is,
 * a directory as its `**\/*.asl.{json,yaml,yml}`, a glob (quoted or not) relative to `cwd`.
 * A path or glob that finds nothing is a usage error: it is more likely a typo than a wish
 * to validate nothing.
 *
 * @example await expandInputs(['statemachines', 'template.yaml', 'flows/*.asl.json'], process.cwd())
 */
export async function expandInputs(patterns: readonly string[], cwd: string): Promise<InputFile[]> {
  const files = new Map<string, InputFile>()
  for (const pattern of patterns) {
    for (const file of await expand(pattern, cwd)) if (!files.has(file.path)) files.set(file.path, file)
  }
  return [...files.values()]
}

async function expand(pattern: string, cwd: string): Promise<InputFile[]> {
  const path = resolve(cwd, pattern)
  const kind = await kindOf(path)
  if (kind === 'directory') {
    const found = await find(DEFINITIONS_IN_DIRECTORY, path)
    if (found.length === 0) throw new UsageError(`${pattern} holds no *.asl.json, *.asl.yaml or *.asl.yml files`, 'validate')
    return found.map((file) => ({ path: file, explicit: false }))
  }
  if (kind === 'file') return [{ path, explicit: true }]
  if (!isDynamicPattern(pattern)) throw new UsageError(`${pattern}: no such file or directory`, 'validate')
  const found = await find(pattern, cwd)
  if (found.length === 0) throw new UsageError(`no files match ${pattern}`, 'validate')
  return found.map((file) => ({ path: file, explicit: false }))
}

/** A path that exists but cannot be looked at is taken as a file, so reading it reports why. */
async function kindOf(path: string): Promise<'file' | 'directory' | 'missing'> {
  try {
    return (await stat(path)).isDirectory() ? 'directory' : 'file'
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'file'
  }
}

async function find(pattern: string, cwd: string): Promise<string[]> {
  const found = await glob(pattern.split(sep).join('/'), { cwd, absolute: true, onlyFiles: true, expandDirectories: false, ignore: IGNORED })
  return found.map((file) => resolve(file)).sort((a, b) => relative(cwd, a).localeCompare(relative(cwd, b)))
}
