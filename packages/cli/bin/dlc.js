#!/usr/bin/env node
import { main } from '../dist/dlc.mjs'

process.exitCode = await main(process.argv.slice(2))
