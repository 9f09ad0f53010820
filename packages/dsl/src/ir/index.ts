export * from './errors.js'
export * from './json.js'
export * from './machine.js'
export * from './states.js'
