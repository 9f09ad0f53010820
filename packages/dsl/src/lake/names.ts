import { DslError } from '../expr/expr.js'

/**
 * AWS's naming rules, checked when the pipeline is built so a bad name is a diagnostic at
 * compile time, not a failed deploy. Each rule says what AWS accepts.
 */
interface NameRule {
  readonly what: string
  readonly test: (name: string) => boolean
  readonly hint: string
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/
const BUCKET_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-']
const BUCKET_SUFFIXES = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3']

/** The longest stage a deployed name may carry (`-` plus up to 10 characters). */
export const STAGE_ROOM = 11

export const NAME_RULES = {
  bucket: {
    what: 'S3 bucket name',
    test: (name) =>
      name.length >= 3 &&
      name.length <= 63 - STAGE_ROOM &&
      /^[a-z0-9][a-z0-9.-]*[a-z0-9]$/.test(name) &&
      !name.includes('..') &&
      !name.includes('.-') &&
      !name.includes('-.') &&
      !IPV4.test(name) &&
      !BUCKET_PREFIXES.some((prefix) => name.startsWith(prefix)) &&
      !BUCKET_SUFFIXES.some((suffix) => name.endsWith(suffix)),
    hint: `use 3-${63 - STAGE_ROOM} lowercase letters, digits, "-" and "." (room is kept for "-<stage>"), starting and ending with a letter or digit, no ".." or "-."/".-", not an IP address`,
  },
  glueJob: { what: 'Glue job name', test: (name) => /^[A-Za-z0-9_.-]{1,240}$/.test(name), hint: 'use 1-240 letters, digits, "-", "_" or "."' },
  crawler: { what: 'Glue crawler name', test: (name) => /^[A-Za-z0-9_.-]{1,240}$/.test(name), hint: 'use 1-240 letters, digits, "-", "_" or "."' },
  database: {
    what: 'Glue database name',
    test: (name) => /^[a-z][a-z0-9_]{0,239}$/.test(name),
    hint: 'use lowercase letters, digits and "_", starting with a letter (Athena reads only lowercase names)',
  },
  workgroup: { what: 'Athena workgroup name', test: (name) => /^[A-Za-z0-9._-]{1,117}$/.test(name), hint: 'use 1-117 letters, digits, ".", "_" or "-"' },
  topic: { what: 'SNS topic name', test: (name) => /^[A-Za-z0-9_-]{1,245}$/.test(name), hint: 'use 1-245 letters, digits, "-" or "_"' },
  schedule: { what: 'EventBridge schedule name', test: (name) => /^[0-9A-Za-z_.-]{1,53}$/.test(name), hint: 'use 1-53 letters, digits, ".", "_" or "-"' },
  query: { what: 'query name', test: (name) => /^[a-z][a-z0-9_]{0,63}$/.test(name), hint: 'use lowercase letters, digits and "_" (it names the .sql file and the Athena named query)' },
  email: {
    what: 'e-mail address',
    test: (name) => /^[^\s@"(),:;<>[\]\\]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(name) && name.length <= 254,
    hint: 'write one address like data-team@example.com',
  },
} satisfies Record<string, NameRule>

/** Throws a DLC_INVALID_NAME diagnostic unless `name` follows the rule. */
export function checkName(rule: keyof typeof NAME_RULES, name: string, at: string): string {
  const { what, test, hint } = NAME_RULES[rule]
  if (!test(name)) throw new DslError(`"${name}" is not a valid ${what}`, at, hint, 'DLC_INVALID_NAME')
  return name
}
