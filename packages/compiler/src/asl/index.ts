export { emitDefinition, emitWithDiagnostics, type EmitResult } from './emit.js'
export { definitionSubstitutions, type ResourceSubstitution } from './placeholders.js'
export { resourceArn, partitionOf, KNOWN_RESOURCE_TYPES, type ArnScope } from './arns.js'
export type { AslDefinition, AslObject, AslState, EmitOptions, ResolveTarget } from './types.js'
