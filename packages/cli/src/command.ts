import type { OptionSpecs, ParsedArgs } from './args.js'
import type { Io } from './io.js'

/** One `dlc <name>` command. Each lives in its own file under `commands/`. */
export interface Command {
  readonly name: string
  /** One line for `dlc --help`. */
  readonly summary: string
  /** The whole text of `dlc help <name>`. */
  readonly help: string
  readonly options: OptionSpecs
  /** Returns the exit code: 0 done, 1 the input has errors; bad usage throws a UsageError (2). */
  run(args: ParsedArgs, io: Io): Promise<number>
}
