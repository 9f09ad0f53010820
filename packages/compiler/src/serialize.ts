import { stringify } from 'yaml'
import type { AslDefinition } from './asl/types.js'

/**
 * The definition as JSON: two-space indent and a trailing newline, the form the files are committed in.
 *
 * @example writeFileSync('nightly.asl.json', toJson(definition))
 */
export function toJson(definition: AslDefinition): string {
  return JSON.stringify(definition, null, 2) + '\n'
}

/**
 * The definition as YAML. Lines are never folded, so long strings (JSONata, SQL) stay on
 * one line; strings are written by YAML 1.1 rules, which quote `Yes`, `on`, `0x1F` and
 * the like, so readers on either YAML version (SAM reads 1.1) get strings back.
 *
 * @example writeFileSync('nightly.asl.yaml', toYaml(definition))
 */
export function toYaml(definition: AslDefinition): string {
  return stringify(definition, { lineWidth: 0, version: '1.1' })
}
