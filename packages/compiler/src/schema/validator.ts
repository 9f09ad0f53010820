import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import aslSchema from '../../schemas/asl.schema.json'

/**
 * The options the published schema is written for. `allowUnionTypes` because numeric fields
 * are `["integer", "string"]` (a number, a JSONata expression or a ${Placeholder}); `verbose`
 * because the messages read the failing subschema; no coercion, defaults or removal, so
 * validating never changes the definition.
 */
export const AJV_OPTIONS = {
  strict: true,
  allowUnionTypes: true,
  allErrors: true,
  verbose: true,
  inlineRefs: false,
  useDefaults: false,
  coerceTypes: false,
  removeAdditional: false,
} as const

let compiled: ValidateFunction | undefined

/**
 * The schema compiled once, on first use: compiling costs about 0.3 s in a fresh process,
 * validating a definition well under a millisecond.
 */
export function aslValidator(): ValidateFunction {
  return (compiled ??= new Ajv(AJV_OPTIONS).compile(aslSchema))
}

/** Ajv's raw errors for a definition; empty when the schema accepts it. */
export function schemaErrors(definition: unknown): readonly ErrorObject[] {
  const validate = aslValidator()
  return validate(definition) ? [] : (validate.errors ?? [])
}
