/** `dlc` on the CLI's source, for tests that need it in a process of their own (to signal or kill it); see child.ts. */
import { main } from '../../src/index.js'

process.exitCode = await main(process.argv.slice(2))
