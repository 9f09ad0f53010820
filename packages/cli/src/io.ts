/** Where a command prints and which directory relative paths start from; tests pass their own. */
export interface Io {
  readonly stdout: Writer
  readonly stderr: Writer
  readonly cwd: string
}

export interface Writer {
  write(text: string): unknown
}

export function processIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() }
}
