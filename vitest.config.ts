import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const src = (name: string) => fileURLToPath(new URL(`./packages/${name}/src/index.ts`, import.meta.url))

export default defineConfig({
  resolve: {
    alias: {
      '@dlc/dsl': src('dsl'),
      '@dlc/compiler': src('compiler'),
      '@dlc/runtime': src('runtime'),
    },
  },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'examples/*/test/**/*.test.ts'],
    typecheck: { enabled: true, include: ['packages/*/test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
})
