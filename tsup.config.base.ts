import { defineConfig } from 'tsup'

/** Every package builds the same way: ESM + CJS + declarations for Node 20. */
export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
})
