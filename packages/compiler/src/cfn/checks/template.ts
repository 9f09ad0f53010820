/** Readers over a parsed CloudFormation template that every security rule shares. */

export type Json = Readonly<Record<string, unknown>>
export type Path = readonly (string | number)[]

export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A value found in the template and where: its pointer segments from the root. */
export interface Found<T = unknown> {
  readonly value: T
  readonly path: Path
}

export interface TemplateResource {
  readonly id: string
  readonly type: string
  /** `{}` when the resource has none, so rules read properties without checking first. */
  readonly properties: Json
  readonly path: Path
}

/**
 * The template's resources of the given types, in template order.
 *
 * @example resourcesOf(template, 'AWS::S3::Bucket').map((bucket) => bucket.id)
 */
export function resourcesOf(template: unknown, ...types: string[]): TemplateResource[] {
  const resources = isRecord(template) ? template['Resources'] : undefined
  if (!isRecord(resources)) return []
  return Object.entries(resources).flatMap(([id, resource]) => {
    if (!isRecord(resource) || typeof resource['Type'] !== 'string' || !types.includes(resource['Type'])) return []
    const properties = isRecord(resource['Properties']) ? resource['Properties'] : {}
    return [{ id, type: resource['Type'], properties, path: ['Resources', id] }]
  })
}

/** Where a resource property is, whether or not it is there: a missing property is reported where it belongs. */
export function propertyPath(resource: TemplateResource, ...segments: (string | number)[]): Path {
  return [...resource.path, 'Properties', ...segments]
}

/**
 * The values a property can take once deployed: `Fn::If` stands for both its branches,
 * `Ref: AWS::NoValue` for nothing at all.
 */
export function variants(value: unknown, path: Path): Found[] {
  if (isRecord(value) && Object.keys(value).length === 1) {
    const branches = value['Fn::If']
    if (Array.isArray(branches) && branches.length === 3) {
      return [...variants(branches[1], [...path, 'Fn::If', 1]), ...variants(branches[2], [...path, 'Fn::If', 2])]
    }
    if (value['Ref'] === 'AWS::NoValue') return []
  }
  return [{ value, path }]
}

/** The items of a value IAM takes as one item or a list (`Action`, `Resource`, `Statement`), each through its variants. */
export function itemsOf(value: unknown, path: Path): Found[] {
  return variants(value, path).flatMap((found) =>
    Array.isArray(found.value) ? found.value.flatMap((item: unknown, index) => variants(item, [...found.path, index])) : [found],
  )
}

/** The text of a string, or of `Fn::Sub` of a string: what a rule can read without deploying. */
export function staticString(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (!isRecord(value)) return undefined
  const sub = value['Fn::Sub']
  if (typeof sub === 'string') return sub
  if (Array.isArray(sub) && typeof sub[0] === 'string') return sub[0]
  return undefined
}

/** An IAM statement and the resource whose policy holds it. */
export interface StatementAt {
  readonly resource: TemplateResource
  readonly statement: Json
  readonly path: Path
}

/** The resources whose properties hold identity-based policies, and where. */
const INLINE_POLICIES = ['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group']
const POLICY_RESOURCES = ['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy']

/**
 * Every statement of every identity-based policy in the template: the inline `Policies` of
 * roles, users and groups, and `AWS::IAM::Policy` / `AWS::IAM::ManagedPolicy` documents.
 * Trust policies (`AssumeRolePolicyDocument`) are not among them: they grant no actions.
 */
export function identityStatements(template: unknown): StatementAt[] {
  const documents: { resource: TemplateResource; found: Found }[] = []
  for (const resource of resourcesOf(template, ...INLINE_POLICIES)) {
    for (const policy of itemsOf(resource.properties['Policies'], propertyPath(resource, 'Policies'))) {
      if (isRecord(policy.value)) documents.push({ resource, found: { value: policy.value['PolicyDocument'], path: [...policy.path, 'PolicyDocument'] } })
    }
  }
  for (const resource of resourcesOf(template, ...POLICY_RESOURCES)) {
    documents.push({ resource, found: { value: resource.properties['PolicyDocument'], path: propertyPath(resource, 'PolicyDocument') } })
  }
  return documents.flatMap(({ resource, found }) => statementsOf(resource, found))
}

/** The statements of one policy document (an object, or a list of objects). */
export function statementsOf(resource: TemplateResource, document: Found): StatementAt[] {
  return variants(document.value, document.path).flatMap((doc) => {
    if (!isRecord(doc.value)) return []
    return itemsOf(doc.value['Statement'], [...doc.path, 'Statement']).flatMap((item) =>
      isRecord(item.value) ? [{ resource, statement: item.value, path: item.path }] : [],
    )
  })
}

/** Whether a statement grants (`Effect: Allow`); IAM's default effect is Deny, so a statement without one grants nothing. */
export function allows(statement: Json): boolean {
  return statement['Effect'] === 'Allow'
}
