export * from './ir/index.js'
