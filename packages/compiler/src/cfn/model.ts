import type { Json, JsonObject, ResourceRefNode } from '@dlc/dsl'

/** A CloudFormation value: JSON, with intrinsic functions written in their JSON form (`{ "Ref": ... }`). */
export type CfnValue = Json

export interface CfnResource {
  readonly Type: string
  readonly Condition?: string
  readonly DependsOn?: readonly string[]
  readonly DeletionPolicy?: 'Retain' | 'Delete'
  readonly UpdateReplacePolicy?: 'Retain' | 'Delete'
  readonly Properties: JsonObject
}

export interface CfnTemplate {
  readonly AWSTemplateFormatVersion: '2010-09-09'
  readonly Description: string
  readonly Parameters: { readonly [name: string]: JsonObject }
  readonly Conditions: { readonly [name: string]: CfnValue }
  readonly Resources: { readonly [logicalId: string]: CfnResource }
  readonly Outputs: { readonly [name: string]: JsonObject }
}

/** One IAM policy statement; resources are always listed, never `*` unless AWS requires it. */
export interface Statement {
  readonly Sid?: string
  readonly Effect: 'Allow'
  readonly Action: readonly string[]
  readonly Resource: readonly CfnValue[]
  readonly Condition?: JsonObject
}

export const ref = (logicalId: string): CfnValue => ({ Ref: logicalId })
export const sub = (text: string): CfnValue => ({ 'Fn::Sub': text })
export const getAtt = (logicalId: string, attribute: string): CfnValue => ({ 'Fn::GetAtt': [logicalId, attribute] })

/** `${Name}-${Stage}`: every named resource carries the stage, so stages can share an account. */
export const staged = (name: string): CfnValue => sub(`${name}-\${Stage}`)

/** The logical id of a resource a placeholder names: `SalesLakeBucketName` -> `SalesLakeBucket`. */
export function logicalIdOf(resource: Pick<ResourceRefNode, 'id' | 'attribute'>): string {
  return resource.id.slice(0, resource.id.length - (resource.attribute === 'arn' ? 3 : 4))
}

/** ARN patterns as `Fn::Sub` text, `${Logical}` standing for the resource's name. */
export const arnOf = {
  bucket: (bucket: string, key?: string) => sub(`arn:\${AWS::Partition}:s3:::\${${bucket}}${key === undefined ? '' : `/${key}`}`),
  glueJob: (job: string) => sub(`arn:\${AWS::Partition}:glue:\${AWS::Region}:\${AWS::AccountId}:job/\${${job}}`),
  glueCrawler: (crawler: string) => sub(`arn:\${AWS::Partition}:glue:\${AWS::Region}:\${AWS::AccountId}:crawler/\${${crawler}}`),
  glueCatalog: () => sub('arn:${AWS::Partition}:glue:${AWS::Region}:${AWS::AccountId}:catalog'),
  glueDatabase: (database: string) => sub(`arn:\${AWS::Partition}:glue:\${AWS::Region}:\${AWS::AccountId}:database/${database}`),
  glueTable: (database: string, table: string) => sub(`arn:\${AWS::Partition}:glue:\${AWS::Region}:\${AWS::AccountId}:table/${database}/${table}`),
  workgroup: (workgroup: string) => sub(`arn:\${AWS::Partition}:athena:\${AWS::Region}:\${AWS::AccountId}:workgroup/\${${workgroup}}`),
  logGroup: (name: string) => sub(`arn:\${AWS::Partition}:logs:\${AWS::Region}:\${AWS::AccountId}:log-group:${name}`),
}
