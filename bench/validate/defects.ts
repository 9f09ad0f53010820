import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { timeCall } from './timing.js'
import type { Subject, ToolName, Validator } from './tools.js'
import { subjectOf } from './workloads.js'

const HERE = fileURLToPath(new URL('.', import.meta.url))

/** The compiler's rule fixtures: `<rule>/invalid-*.asl.json` and `valid-*.asl.json`, each folder with an expected.json. */
export const RULE_FIXTURES_DIR = join(HERE, '../../packages/compiler/test/fixtures/rules')
/** The bench's own defects: `<class>.asl.json`, each next to a `<class>.valid.asl.json`. */
export const OWN_DEFECTS_DIR = join(HERE, 'defects')

/** One defect class: a definition that must be rejected, and the valid definitions it is told apart from. */
export interface DefectCase {
  readonly label: string
  readonly invalid: Subject
  /**
   * Its valid siblings: `valid-<same suffix>.asl.json` when the folder has one, else every
   * `valid*.asl.json` in the folder (rule fixtures); `<class>.valid.asl.json` (the bench's own).
   */
  readonly siblings: readonly Subject[]
}

/**
 * How a tool did on a case. `caught`: at least one error on the invalid file and none on at
 * least one valid sibling (or there is no sibling); `missed`: no error on the invalid file;
 * `both`: errors on every valid sibling too, so the error does not tell the defect apart;
 * `crash`: it threw on the invalid file, or on every sibling it did not reject.
 */
export type Verdict = 'caught' | 'missed' | 'both' | 'crash'

export const MARKS: Readonly<Record<Verdict, string>> = { caught: '✓', missed: '✗', both: '✗*', crash: 'crash' }

/**
 * Every case that exists when the bench runs: the rule fixtures first, then the bench's own
 * defects. Others are still writing rule fixtures, so a file that does not parse yet is listed
 * in `skipped` instead of failing the run.
 */
export function defectCases(): { readonly cases: DefectCase[]; readonly skipped: string[] } {
  const skipped: string[] = []
  return { cases: [...ruleFixtureCases(skipped), ...ownDefectCases()], skipped }
}

function ruleFixtureCases(skipped: string[]): DefectCase[] {
  if (!existsSync(RULE_FIXTURES_DIR)) return []
  return sortedEntries(RULE_FIXTURES_DIR).flatMap((rule) => {
    const folder = join(RULE_FIXTURES_DIR, rule)
    const type = machineType(join(folder, 'expected.json'))
    const warnings = warningDefects(join(folder, 'expected.json'))
    const read = (file: string): Subject[] => {
      try {
        const subject = subjectOf(join(folder, file), type)
        return [warnings.has(file) ? { ...subject, warningDefect: true } : subject]
      } catch {
        skipped.push(`${rule}/${file}`)
        return []
      }
    }
    const files = sortedEntries(folder).filter((file) => file.endsWith('.asl.json'))
    // One Subject per valid file, shared by the folder's cases, so each tool reads it once.
    const valid = new Map(files.filter((file) => file.startsWith('valid')).flatMap((file) => read(file).map((subject) => [file, subject] as const)))
    return files
      .filter((file) => file.startsWith('invalid'))
      .flatMap((file) => {
        const twin = valid.get(file.replace(/^invalid/, 'valid'))
        return read(file).map((invalid) => ({ label: `${rule}/${file}`, invalid, siblings: twin === undefined ? [...valid.values()] : [twin] }))
      })
  })
}

/** The invalid files whose expected findings are all warnings. */
function warningDefects(expectedPath: string): Set<string> {
  try {
    const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as { invalid?: Record<string, { severity?: unknown }[]> }
    const files = Object.entries(expected.invalid ?? {}).filter(([, findings]) => findings.length > 0 && findings.every((f) => f.severity === 'WARNING'))
    return new Set(files.map(([file]) => file))
  } catch {
    return new Set()
  }
}

/** The machine type, when the folder's expected.json has a top-level `"type": "STANDARD" | "EXPRESS"`. */
function machineType(expectedPath: string): Subject['type'] {
  try {
    const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as { type?: unknown }
    return expected.type === 'EXPRESS' || expected.type === 'STANDARD' ? expected.type : undefined
  } catch {
    return undefined
  }
}

/** The bench's own defects that AWS accepts at definition time: `$eval` only fails when it runs. */
const OWN_WARNING_DEFECTS = new Set(['jsonata-eval.asl.json'])

function ownDefectCases(): DefectCase[] {
  return sortedEntries(OWN_DEFECTS_DIR)
    .filter((file) => file.endsWith('.asl.json') && !file.endsWith('.valid.asl.json'))
    .map((file) => {
      const sibling = join(OWN_DEFECTS_DIR, file.replace(/\.asl\.json$/, '.valid.asl.json'))
      const invalid = subjectOf(join(OWN_DEFECTS_DIR, file))
      return {
        label: `defects/${file}`,
        invalid: OWN_WARNING_DEFECTS.has(file) ? { ...invalid, warningDefect: true } : invalid,
        siblings: existsSync(sibling) ? [subjectOf(sibling)] : [],
      }
    })
}

function sortedEntries(dir: string): string[] {
  return readdirSync(dir).sort()
}

/** What one tool made of the cases. */
export interface ToolReport {
  readonly verdicts: readonly Verdict[]
  /** Distinct valid siblings the tool reported errors on (or threw on): its false positives here. */
  readonly rejectedValid: number
  readonly validCount: number
}

/**
 * Judges each tool on each case; every file is run once per tool.
 *
 * @example (await judge(cases, [dlc, statelint])).get('dlc')?.verdicts[0] // 'caught'
 */
export async function judge(cases: readonly DefectCase[], tools: readonly Validator[]): Promise<Map<ToolName, ToolReport>> {
  const reports = new Map<ToolName, ToolReport>()
  for (const tool of tools) {
    const seen = new Map<Subject, readonly string[] | 'crash'>()
    const errorsOf = async (subject: Subject) => {
      let errors = seen.get(subject)
      if (errors === undefined) {
        const { outcome } = await timeCall(tool, subject)
        errors = outcome.crashed ? 'crash' : tool.errors(outcome.output, subject)
        seen.set(subject, errors)
      }
      return errors
    }
    const verdicts: Verdict[] = []
    for (const c of cases) {
      const invalid = await errorsOf(c.invalid)
      const siblings = await Promise.all(c.siblings.map(errorsOf))
      verdicts.push(verdictOf(invalid, siblings))
    }
    const valid = new Set(cases.flatMap((c) => c.siblings))
    const rejectedValid = [...valid].filter((s) => seen.get(s) === 'crash' || (seen.get(s)?.length ?? 0) > 0).length
    reports.set(tool.name, { verdicts, rejectedValid, validCount: valid.size })
  }
  return reports
}

function verdictOf(invalid: readonly string[] | 'crash', siblings: readonly (readonly string[] | 'crash')[]): Verdict {
  if (invalid === 'crash') return 'crash'
  if (invalid.length === 0) return 'missed'
  if (siblings.length === 0 || siblings.some((s) => s !== 'crash' && s.length === 0)) return 'caught'
  return siblings.every((s) => s === 'crash') ? 'crash' : 'both'
}
