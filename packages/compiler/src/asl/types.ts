import type { Json, QueryLanguage } from '@dlc/dsl'

/** A JSON object in an emitted definition; its key insertion order is its printed order. */
export type AslObject = { [key: string]: Json }

/** One emitted state: `Type`, `Comment`, `QueryLanguage`, its own fields, then `Retry`, `Catch`, `Next`/`End`. */
export type AslState = AslObject

/** A complete ASL definition, ready for `JSON.stringify`. */
export type AslDefinition = {
  Comment?: string
  QueryLanguage: QueryLanguage
  StartAt: string
  States: { [name: string]: AslState }
  TimeoutSeconds?: number
  Version?: string
}

/** The account, region and stage a definition is deployed to, when `${Id}` placeholders are resolved at compile time. */
export interface ResolveTarget {
  readonly account: string
  readonly region: string
  /** Defaults from the region: `aws-cn` for `cn-*`, `aws-us-gov` for `us-gov-*`, otherwise `aws`. */
  readonly partition?: string
  /** Appended to every resource name as `<name>-<stage>`. */
  readonly stage?: string
}

export interface EmitOptions {
  /** Replace `${Id}` placeholders with concrete names and ARNs; without it they stay for CloudFormation's DefinitionSubstitutions. */
  readonly resolve?: ResolveTarget
}
