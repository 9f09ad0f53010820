export { main } from './main.js'
export type { Io, Writer } from './io.js'
export type { FileDiagnostic } from './diagnostics.js'
