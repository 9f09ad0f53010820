import { validateAsl } from './asl-validator.generated.js'
import { toFindings, type SchemaFinding } from './messages.js'

/**
 * Checks a definition against dlc's JSON Schema for ASL (`@dlc/compiler/schemas/asl.schema.json`):
 * the shape of every state and field. Semantic checks (targets, reachability, the effective
 * query language, ...) are the rules' job.
 *
 * @example schemaFindings({ StartAt: 'A', States: { A: { Type: 'Pass' } } })[0]?.diagnostic.message // "Missing required field 'Next' or 'End'"
 */
export function schemaFindings(definition: unknown): SchemaFinding[] {
  return validateAsl(definition) ? [] : toFindings(validateAsl.errors ?? [])
}

export type { SchemaFinding } from './messages.js'
export { validateAsl } from './asl-validator.generated.js'
