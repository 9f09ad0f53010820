import type { CollectionTag, ScalarTag, YAMLMap, YAMLSeq } from 'yaml'

/** The short forms CloudFormation templates write, each with the long form it stands for. */
const INTRINSICS: Readonly<Record<string, string>> = {
  '!Ref': 'Ref',
  '!Condition': 'Condition',
  '!Sub': 'Fn::Sub',
  '!GetAtt': 'Fn::GetAtt',
  '!Join': 'Fn::Join',
  '!If': 'Fn::If',
  '!Select': 'Fn::Select',
  '!Split': 'Fn::Split',
  '!FindInMap': 'Fn::FindInMap',
  '!ImportValue': 'Fn::ImportValue',
  '!Base64': 'Fn::Base64',
  '!Cidr': 'Fn::Cidr',
  '!GetAZs': 'Fn::GetAZs',
  '!And': 'Fn::And',
  '!Or': 'Fn::Or',
  '!Not': 'Fn::Not',
  '!Equals': 'Fn::Equals',
  '!Transform': 'Fn::Transform',
  '!ToJsonString': 'Fn::ToJsonString',
  '!Length': 'Fn::Length',
}

/**
 * yaml `customTags` that read `!Sub ...`, `!GetAtt Fn.Arn`, `!Join [...]` and the other short
 * forms as their `Fn::` long forms, as CloudFormation does: `!GetAtt Orders.Arn` is
 * `{ "Fn::GetAtt": ["Orders", "Arn"] }`.
 *
 * @example parseDocument(text, { customTags: CLOUDFORMATION_TAGS }).toJS()
 */
export const CLOUDFORMATION_TAGS: readonly (ScalarTag | CollectionTag)[] = Object.entries(INTRINSICS).flatMap(([tag, name]) => {
  const scalar: ScalarTag = {
    tag,
    resolve: (value: string) => ({ [name]: name === 'Fn::GetAtt' ? splitAttribute(value) : value }),
  }
  const sequence: CollectionTag = {
    tag,
    collection: 'seq',
    resolve: (value) => ({ [name]: (value as YAMLSeq).toJSON() }),
  }
  const mapping: CollectionTag = {
    tag,
    collection: 'map',
    resolve: (value) => ({ [name]: (value as YAMLMap).toJSON() }),
  }
  return [scalar, sequence, mapping]
})

/** `Orders.Arn` -> `['Orders', 'Arn']`; attributes may hold dots themselves (`Endpoint.Address`). */
function splitAttribute(value: string): string[] {
  const dot = value.indexOf('.')
  return dot === -1 ? [value] : [value.slice(0, dot), value.slice(dot + 1)]
}
