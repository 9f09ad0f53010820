/**
 * How long `dlc compile examples/datalake` takes as a whole process, next to an AWS CDK app
 * that defines the same stack (`cdk-app.ts`) synthesized offline in the same run.
 *
 *   pnpm bench:synth                              # every variant, 7 runs each
 *   pnpm bench:synth --runs=15                    # more runs
 *   pnpm bench:synth --tools=dlc,cdk-fastest      # some variants (node, dlc-help, dlc, dlc-cold, dlc-strict,
 *                                                 #   cdk, cdk-no-validation, cdk-fastest)
 *
 * Every run is a fresh `node` process, timed from spawn to exit, so module loading counts. The
 * variants take turns, round after round, so a change in the machine's load hits all of them.
 * Runs the built CLI (`packages/cli/bin/dlc.js`): build first. Never fails on time.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { cpus, tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { markdownTable, ms } from '../validate/print.js'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const PROJECT = 'examples/datalake'
const PACKAGES = ['dsl', 'compiler', 'runtime', 'cli']

/** Recorded for the issue on this machine with the aws-cdk CLI, which is not installed here. */
const RECORDED = [
  { label: '`cdk synth`, TypeScript app (recorded)', ms: 5_800 },
  { label: '`cdk synth`, JavaScript app (recorded)', ms: 3_800 },
  { label: '`node app.js` (recorded)', ms: 2_350 },
  { label: '`node app.js`, validation off (recorded)', ms: 360 },
] as const
const TARGET = { cdkSynthMs: 5_800, timesFaster: 15 }

interface Variant {
  readonly id: string
  readonly label: string
  /** node's arguments, given the run's directories. */
  readonly args: (dirs: Dirs) => readonly string[]
  readonly cdk: boolean
  /** Extra environment for the process. */
  readonly env?: NodeJS.ProcessEnv
}

interface Dirs {
  /** Where dlc writes; the CDK app reads its ASL and SQL from there too. */
  readonly dlcOut: string
  readonly app: string
  readonly scratch: string
}

const dlc = (...flags: string[]) => (dirs: Dirs) => [join(ROOT, 'packages/cli/bin/dlc.js'), 'compile', PROJECT, '--out', dirs.dlcOut, ...flags]
const cdk = (variant: string) => (dirs: Dirs) => [join(dirs.app, 'cdk-app.cjs'), `--out=${dirs.dlcOut}`, `--outdir=${join(dirs.scratch, `cdk.out.${variant}`)}`, `--variant=${variant}`]

const VARIANTS: readonly Variant[] = [
  // Where dlc's time goes, without touching the CLI: Node alone, then Node loading dlc's modules.
  { id: 'node', label: '`node -e 0` (Node starting, for scale)', args: () => ['-e', '0'], cdk: false },
  { id: 'dlc-help', label: '`dlc --help` (Node + loading dlc)', args: () => [join(ROOT, 'packages/cli/bin/dlc.js'), '--help'], cdk: false },
  { id: 'dlc', label: '`dlc compile` (module bundle cached)', args: dlc(), cdk: false },
  { id: 'dlc-cold', label: '`dlc compile`, no cache (first run, or after an edit)', args: dlc(), cdk: false, env: { DLC_NO_CACHE: '1' } },
  { id: 'dlc-strict', label: '`dlc compile --strict` (+ @aws/cloudformation-validate)', args: (dirs) => dlc('--strict')({ ...dirs, dlcOut: join(dirs.scratch, 'dlc-strict') }), cdk: false },
  { id: 'cdk', label: '`node cdk-app.js`, CDK defaults', args: cdk('default'), cdk: true },
  { id: 'cdk-no-validation', label: '`node cdk-app.js`, validation off', args: cdk('no-validation'), cdk: true },
  { id: 'cdk-fastest', label: '`node cdk-app.js`, validation + metadata off', args: cdk('fastest'), cdk: true },
]

interface Result {
  readonly variant: Variant
  readonly samples: readonly number[]
  readonly peakRssMb: number
}

const args = new Map(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string]))
const runs = Number(args.get('runs') ?? 7)
const wanted = (args.get('tools') ?? VARIANTS.map((v) => v.id).join(',')).split(',')
const unknown = wanted.filter((id) => !VARIANTS.some((v) => v.id === id))
if (unknown.length > 0) throw new Error(`unknown tool(s) ${unknown.join(', ')}; expected some of ${VARIANTS.map((v) => v.id).join(', ')}`)
const chosen = VARIANTS.filter((v) => wanted.includes(v.id))

if (!checkBuilt()) process.exit(1)
const scratch = mkdtempSync(join(tmpdir(), 'dlc-bench-synth-'))
try {
  const dirs: Dirs = { dlcOut: join(scratch, 'dlc'), app: join(scratch, 'app'), scratch }
  const compileMs = compileCdkApp(dirs.app)
  // dlc's output is the CDK app's input, so dlc runs first whatever is chosen (untimed).
  spawn(dlc()(dirs))
  printResults(measure(chosen, dirs), compileMs)
  printEquivalence(dirs)
} finally {
  rmSync(scratch, { recursive: true, force: true })
}

/** The bin imports each package's dist: without a build it fails, and an old build measures old code. */
function checkBuilt(): boolean {
  const missing = PACKAGES.filter((name) => !existsSync(join(ROOT, 'packages', name, 'dist', 'index.js')))
  if (missing.length > 0) {
    console.error(`packages/{${missing.join(',')}}/dist is missing: run \`npx -y pnpm@10.34.8 build\` first (bin/dlc.js imports the built dist)`)
    return false
  }
  const stale = PACKAGES.filter((name) => newestIn(join(ROOT, 'packages', name, 'src')) > statSync(join(ROOT, 'packages', name, 'dist', 'index.js')).mtimeMs)
  if (stale.length > 0) console.warn(`warning: packages/{${stale.join(',')}}/src is newer than its dist; run \`npx -y pnpm@10.34.8 build\` to measure the current code\n`)
  return true
}

function newestIn(dir: string): number {
  return Math.max(0, ...readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => statSync(join(e.parentPath, e.name)).mtimeMs))
}

/**
 * `cdk-app.ts` -> `<app>/cdk-app.cjs` with the esbuild @dlc/cli depends on (CommonJS, as
 * `cdk init app` compiles), once and untimed by the table: `cdk synth` of a TypeScript app pays
 * this on every synth. `<app>/node_modules` links to the workspace's, where aws-cdk-lib is.
 */
function compileCdkApp(app: string): number {
  mkdirSync(app)
  symlinkSync(join(ROOT, 'node_modules'), join(app, 'node_modules'), 'dir')
  const esbuild = createRequire(join(ROOT, 'packages/cli/package.json'))('esbuild') as {
    buildSync(options: { entryPoints: string[]; outfile: string; format: 'cjs'; platform: 'node'; target: string; logLevel: 'error' }): unknown
  }
  const start = performance.now()
  esbuild.buildSync({ entryPoints: [join(ROOT, 'bench/synth/cdk-app.ts')], outfile: join(app, 'cdk-app.cjs'), format: 'cjs', platform: 'node', target: 'node20', logLevel: 'error' })
  return performance.now() - start
}

/** One fresh `node` process, spawn to exit, in wall-clock ms. */
function spawn(nodeArgs: readonly string[], env: NodeJS.ProcessEnv = process.env): number {
  const start = performance.now()
  const child = spawnSync(process.execPath, nodeArgs, { cwd: ROOT, encoding: 'utf8', env, maxBuffer: 16 << 20 })
  const elapsed = performance.now() - start
  if (child.status !== 0) throw new Error(`node ${nodeArgs.map((a) => relative(ROOT, a) || a).join(' ')} exited ${child.status}:\n${child.stderr.split('\n').slice(-25).join('\n')}`)
  return elapsed
}

function measure(variants: readonly Variant[], dirs: Dirs): Result[] {
  // Round 0 is a warm-up: it fills the file cache and writes each output directory once.
  const samples = variants.map(() => [] as number[])
  for (let round = 0; round <= runs; round++) {
    variants.forEach((variant, i) => {
      const elapsed = spawn(variant.args(dirs), { ...process.env, ...variant.env })
      if (round > 0) samples[i]!.push(elapsed)
    })
  }
  // Peak RSS from one more run each, reported by a preloaded hook, so the timed runs load nothing extra.
  const hook = join(dirs.scratch, 'peak-rss.cjs')
  writeFileSync(hook, `process.on('exit', () => require('fs').writeFileSync(process.env.PEAK_RSS_FILE, String(process.resourceUsage().maxRSS)))\n`)
  return variants.map((variant, i) => {
    const file = join(dirs.scratch, `${variant.id}.rss`)
    spawn(variant.args(dirs), { ...process.env, ...variant.env, NODE_OPTIONS: `${process.env['NODE_OPTIONS'] ?? ''} --require ${hook}`, PEAK_RSS_FILE: file })
    return { variant, samples: samples[i]!, peakRssMb: Number(readFileSync(file, 'utf8')) / 1024 }
  })
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

function printResults(results: readonly Result[], compileMs: number): void {
  const dlcMedian = results.find((r) => r.variant.id === 'dlc')?.samples
  const base = dlcMedian === undefined ? undefined : median(dlcMedian)
  const ratio = (value: number) => (base === undefined ? '-' : `${(value / base).toFixed(value / base < 10 ? 2 : 1)}x`)
  const rows = [
    ...results.map((r) => [r.variant.label, String(r.samples.length), ms(median(r.samples)), ms(Math.min(...r.samples)), ratio(median(r.samples)), r.peakRssMb.toFixed(0)]),
    ...RECORDED.map((r) => [r.label, '-', ms(r.ms), '-', ratio(r.ms), '-']),
  ]
  console.log(
    `node ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} cores; wall-clock ms of whole processes (spawn to exit), ${runs} runs each after one warm-up, variants in turn\n` +
      `project: ${PROJECT}; CDK: aws-cdk-lib ${cdkVersion()}, bench/synth/cdk-app.ts compiled once with esbuild (${ms(compileMs)} ms, not in the table)\n` +
      `peak RSS: one more run each; vs dlc: median / dlc's median. "recorded" rows come from the issue (same machine): the aws-cdk CLI is not installed, so \`cdk synth\` is not measured here\n`,
  )
  console.log(markdownTable(['tool / variant', 'runs', 'median ms', 'min ms', 'vs dlc', 'peak RSS MB'], rows))
  if (base === undefined) return
  const of = (id: string) => results.find((r) => r.variant.id === id)
  const [node, help] = [of('node'), of('dlc-help')]
  if (node !== undefined && help !== undefined) {
    const [start, loaded] = [median(node.samples), median(help.samples)]
    console.log(`\ndlc compile, by difference of medians: Node starting ${ms(start)} ms, loading dlc's modules ${ms(loaded - start)} ms, the compile itself (bundle, import and run the project, write) ${ms(base - loaded)} ms`)
  }
  const cdkMedians = results.filter((r) => r.variant.cdk).map((r) => ({ label: r.variant.label, ms: median(r.samples) }))
  const fastest = cdkMedians.sort((a, b) => a.ms - b.ms)[0]
  const verdict = (met: boolean) => (met ? 'met' : 'NOT met')
  const budget = TARGET.cdkSynthMs / TARGET.timesFaster
  console.log('\ntargets (dlc median):')
  if (fastest !== undefined) console.log(`- at or under CDK's fastest measured here (${fastest.label}, ${ms(fastest.ms)} ms): ${verdict(base <= fastest.ms)} (${ms(base)} ms)`)
  console.log(`- at or under CDK's fastest recorded figure (validation off, 360 ms): ${verdict(base <= 360)} (${ms(base)} ms)`)
  console.log(
    `- >= ${TARGET.timesFaster}x faster than \`cdk synth\` (${ms(TARGET.cdkSynthMs)} ms recorded, not measured here; i.e. <= ${ms(budget)} ms): ${verdict(base <= budget)} (${(TARGET.cdkSynthMs / base).toFixed(1)}x)`,
  )
}

function cdkVersion(): string {
  return (createRequire(join(ROOT, 'package.json'))('aws-cdk-lib/package.json') as { version: string }).version
}

/** What the two templates hold, so a reader can see the apps define the same stack. */
function printEquivalence(dirs: Dirs): void {
  const cdkOut = readdirSync(scratch).find((name) => name.startsWith('cdk.out.'))
  if (cdkOut === undefined) return
  type Template = { Parameters?: object; Outputs?: object; Resources: Record<string, { Type: string }> }
  const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Template
  const dlcTemplate = read(join(dirs.dlcOut, 'template.json'))
  const cdkTemplate = read(join(scratch, cdkOut, 'NightlySales.template.json'))
  const types = (t: Template) => Object.values(t.Resources).reduce((m, r) => m.set(r.Type, (m.get(r.Type) ?? 0) + 1), new Map<string, number>())
  const [ours, theirs] = [types(dlcTemplate), types(cdkTemplate)]
  const differ = [...new Set([...ours.keys(), ...theirs.keys()])].filter((type) => ours.get(type) !== theirs.get(type))
  const count = (t: Template, key: 'Parameters' | 'Outputs') => Object.keys(t[key] ?? {}).length
  console.log(
    `\ntemplates: dlc ${Object.keys(dlcTemplate.Resources).length} resources, ${count(dlcTemplate, 'Parameters')} parameters, ${count(dlcTemplate, 'Outputs')} outputs;` +
      ` CDK (${cdkOut.slice('cdk.out.'.length)}) ${Object.keys(cdkTemplate.Resources).length} resources, ${count(cdkTemplate, 'Parameters')} parameters, ${count(cdkTemplate, 'Outputs')} outputs` +
      (differ.length === 0 ? '; the same resource types and counts' : `; counts differ for ${differ.map((type) => `${type} (dlc ${ours.get(type) ?? 0}, CDK ${theirs.get(type) ?? 0})`).join(', ')}`),
  )
}
