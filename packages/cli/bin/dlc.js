#!/usr/bin/env node
import { main } from '../dist/dlc.mjs'

// `dlc ... | head` closes the pipe early: that ends the output, it is no error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error
    process.exit(process.exitCode ?? 0)
  })
}

process.exitCode = await main(process.argv.slice(2))
