import { existsSync, readdirSync, readFileSync } from 'node:fs'

/** Executions recorded against AWS sit next to the repository, in ../shared/fixtures. */
export const conformanceFolder = new URL('../../../../../shared/fixtures/conformance/', import.meta.url)

export interface Vector {
  readonly id: string
  readonly file: string
  readonly definition: Record<string, unknown>
  readonly input: unknown
  readonly expected: { status: string; output?: unknown; error?: string; cause?: string }
  readonly stateMachineType?: 'STANDARD' | 'EXPRESS'
  readonly needs: readonly string[]
  readonly features: readonly string[]
  readonly ignore?: readonly string[]
  readonly contextPaths?: readonly string[]
  readonly context?: { accountId: string; region: string; partition: string; stateMachineName: string; executionName: string; roleArn: string }
  readonly lambdaFunctions?: Readonly<Record<string, { handler: string }>>
}

/** Every recorded vector, or none (with a one-line note) when the fixtures are not beside the clone. */
export function loadVectors(suite: string): Vector[] {
  if (!existsSync(conformanceFolder)) {
    console.info(`skipping ${suite}: ${conformanceFolder.pathname} is absent`)
    return []
  }
  return readdirSync(conformanceFolder)
    .filter((file) => file.endsWith('.json') && file !== 'index.json')
    .sort()
    .map((file) => ({ ...(JSON.parse(readFileSync(new URL(file, conformanceFolder), 'utf8')) as Omit<Vector, 'file'>), file }))
}

/**
 * Replaces the value at each `ignore` path (rooted at `expected`, e.g. `$.output.a[0]`) in both
 * results with a marker, when the key is there: the key must still exist, its value is not compared.
 */
export function blankIgnored(expected: Record<string, unknown>, actual: Record<string, unknown>, paths: readonly string[]): void {
  for (const path of paths) {
    const steps = parseSteps(path)
    const inExpected = parentOf(expected, steps)
    const inActual = parentOf(actual, steps)
    const last = steps[steps.length - 1]
    if (last === undefined || inExpected === undefined || inActual === undefined) continue
    if (!(last in (inActual as object))) continue
    ;(inExpected as Record<string | number, unknown>)[last] = '<ignored>'
    ;(inActual as Record<string | number, unknown>)[last] = '<ignored>'
  }
}

function parseSteps(path: string): Array<string | number> {
  const steps: Array<string | number> = []
  const pattern = /\.([^.[\]]+)|\[(\d+)\]|\["([^"]*)"\]|\['([^']*)'\]/g
  for (const match of path.slice(1).matchAll(pattern)) steps.push(match[2] !== undefined ? Number(match[2]) : (match[1] ?? match[3] ?? match[4] ?? ''))
  return steps
}

function parentOf(root: unknown, steps: ReadonlyArray<string | number>): object | undefined {
  let node = root
  for (const step of steps.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Record<string | number, unknown>)[step]
  }
  return node !== null && typeof node === 'object' ? node : undefined
}
