import type { TaskHandler } from '../interpreter/index.js'
import type { LocalEnvironment } from './environment.js'

/**
 * One AWS integration's local emulation (DESIGN.md "Service integrations"): the Task resources
 * it answers, and the handler it gives for an environment.
 */
export interface LocalService {
  readonly name: string
  readonly resources: readonly string[]
  create(env: LocalEnvironment): TaskHandler
}
