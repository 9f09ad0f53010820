import { toFindings, type SchemaFinding } from './messages.js'
import { schemaErrors } from './validator.js'

/**
 * Checks a definition against dlc's JSON Schema for ASL (`@dlc/compiler/schemas/asl.schema.json`):
 * the shape of every state and field. Semantic checks (targets, reachability, the effective
 * query language, ...) are the rules' job.
 *
 * @example schemaFindings({ StartAt: 'A', States: { A: { Type: 'Pass' } } })[0]?.diagnostic.message // "Missing required field 'Next' or 'End'"
 */
export function schemaFindings(definition: unknown): SchemaFinding[] {
  return toFindings(schemaErrors(definition))
}

export type { SchemaFinding } from './messages.js'
export { AJV_OPTIONS, aslValidator } from './validator.js'
