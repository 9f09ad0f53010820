import { defineConfig } from 'tsup'
import base from '../../tsup.config.base.js'

/**
 * The library build, and `dist/dlc.mjs` for the `dlc` bin: dlc's packages and their pure-JS
 * dependencies bundled, because a CLI run pays for every module Node resolves, reads and links
 * (see bench/README.md, "Where dlc compile's time goes"). What only `dlc validate` or
 * `--strict` needs is imported dynamically and lands in chunks of its own. esbuild (a native
 * binary it finds beside its package), DuckDB (a native addon per platform, loaded by `dlc run`
 * only) and the CloudFormation validator (WASM, loaded only on demand) stay outside.
 */
export default defineConfig([
  base,
  {
    entry: { dlc: 'src/index.ts' },
    format: ['esm'],
    outExtension: () => ({ js: '.mjs' }),
    dts: false,
    clean: false,
    sourcemap: false,
    target: 'node20',
    platform: 'node',
    noExternal: [/^@dlc\//, 'yaml', 'jsonata', 'ajv', 'tinyglobby', 'fdir', 'picomatch'],
    external: ['esbuild', '@aws/cloudformation-validate', '@duckdb/node-api'],
    // Less text for V8 to scan on every start; names are kept, so a stack trace still reads.
    esbuildOptions: (options) => {
      options.minifyWhitespace = true
      options.minifySyntax = true
    },
    banner: { js: "import { createRequire as dlcCreateRequire } from 'node:module'; const require = dlcCreateRequire(import.meta.url);" },
  },
])
