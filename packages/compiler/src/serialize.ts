import { stringify } from 'yaml'

/**
 * A definition or template as JSON: two-space indent and a trailing newline, the form the files are committed in.
 *
 * @example writeFileSync('nightly.asl.json', toJson(definition))
 */
export function toJson(value: object): string {
  return JSON.stringify(value, null, 2) + '\n'
}

/**
 * A definition or template as YAML. Lines are never folded, so long strings (JSONata, SQL) stay on
 * one line; strings are written by YAML 1.1 rules, which quote `Yes`, `on`, `0x1F` and
 * the like, so readers on either YAML version (SAM reads 1.1) get strings back.
 *
 * @example writeFileSync('nightly.asl.yaml', toYaml(definition))
 */
export function toYaml(value: object): string {
  return stringify(value, { lineWidth: 0, version: '1.1' })
}
