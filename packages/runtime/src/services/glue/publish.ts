import { readFileSync } from 'node:fs'
import { mkdir, open, readdir, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { LocalS3 } from '../../s3/index.js'
import { TEMP_PREFIX } from '../../s3/keys.js'
import { existingBucket, fileOf, hasCode } from './bucket-files.js'

/**
 * How a job run's outputs reach the lake without a reader ever seeing half of them.
 *
 * 1. Everything is written under the run's staging folder, `<bucket>/.dlc-tmp-glue-<job>-<run>/`
 *    in the target bucket's folder: hidden from listings (LocalS3's temp prefix), on the same
 *    file system as every bucket, so a move is one rename.
 * 2. The run writes its plan, the ordered list of moves (staged file -> object) and deletes (this
 *    batch's files the run did not write again), as `plan.json` by temp file + rename. That
 *    rename is the commit point.
 * 3. The plan is applied: each move renames a staged file over its key, each delete removes one.
 *    Every step can run twice, so a crash after the commit is rolled forward by the job's next
 *    run; a crash before it leaves nothing but the hidden folder, which the next run removes.
 */
export type PublishStep =
  | { readonly op: 'move'; readonly from: string; readonly bucket: string; readonly key: string }
  | { readonly op: 'delete'; readonly bucket: string; readonly key: string }

export interface PublishPlan {
  readonly job: string
  readonly runId: string
  readonly steps: readonly PublishStep[]
}

const PLAN = 'plan.json'

/** The staging folders of one job start with this; a slug keeps any job name a safe file name. */
export const stagingPrefix = (job: string): string => `${TEMP_PREFIX}glue-${job.replace(/[^A-Za-z0-9_-]/g, '_')}-`

/** Creates the run's staging folder in a bucket's folder. */
export async function createStaging(bucketFolder: string, job: string, runId: string): Promise<string> {
  const folder = join(bucketFolder, `${stagingPrefix(job)}${runId}`)
  await mkdir(folder, { recursive: true })
  return folder
}

/** The commit point: the plan lands in one rename, complete or not at all. */
export async function commitPlan(staging: string, plan: PublishPlan): Promise<void> {
  const temp = join(staging, `${PLAN}.tmp`)
  const handle = await open(temp, 'w')
  try {
    await handle.writeFile(JSON.stringify(plan))
    await handle.sync()
  } finally {
    await handle.close()
  }
  await rename(temp, join(staging, PLAN))
}

/** Runs a committed plan's steps in order; a step already done is skipped, so a second run is harmless. */
export async function applyPlan(s3: LocalS3, staging: string, plan: PublishPlan): Promise<void> {
  for (const step of plan.steps) {
    if (step.op === 'delete') {
      await s3.deleteObject({ Bucket: step.bucket, Key: step.key })
      continue
    }
    const folder = await existingBucket(s3.root, step.bucket, 'PutObject')
    await moveInto(join(staging, step.from), fileOf(folder, step.key, 'PutObject'))
  }
}

/**
 * Finishes or discards what earlier runs of the job left: a staging folder with a plan is rolled
 * forward, one without is removed. Runs under the job's lock, before the run does anything else.
 *
 * @returns how many crashed runs were rolled forward
 */
export async function recoverStaging(s3: LocalS3, job: string): Promise<number> {
  let rolledForward = 0
  const prefix = stagingPrefix(job)
  for (const bucket of await readdir(s3.root, { withFileTypes: true })) {
    if (!bucket.isDirectory() || bucket.name.startsWith('.')) continue
    for (const entry of await readdir(join(s3.root, bucket.name))) {
      if (!entry.startsWith(prefix)) continue
      const staging = join(s3.root, bucket.name, entry)
      const plan = await readFile(join(staging, PLAN), 'utf8').then((text) => JSON.parse(text) as PublishPlan, () => undefined)
      if (plan !== undefined) {
        await applyPlan(s3, staging, plan)
        rolledForward++
      }
      await rm(staging, { recursive: true, force: true })
    }
  }
  return rolledForward
}

/** Thrown when another live run holds the job: Glue's answer to a second run past MaxConcurrentRuns (1). */
export class ConcurrentRunError extends Error {
  constructor(job: string, holder: number) {
    super(`Concurrent runs exceeded for ${job} (a run in process ${holder} holds it)`)
    this.name = 'ConcurrentRunError'
  }
}

/**
 * Takes the job's lock, `<s3 root>/.dlc-tmp-glue-<job>.lock` holding the process id (and, on
 * Linux, when that process started), across processes: a lock whose process is gone (a run
 * killed mid-job) is taken over, also when another process got its id since.
 *
 * @returns the function that releases it
 */
export async function lockJob(s3Root: string, job: string, held: Set<string>): Promise<() => Promise<void>> {
  const file = join(s3Root, `${stagingPrefix(job).slice(0, -1)}.lock`)
  if (held.has(file)) throw new ConcurrentRunError(job, process.pid)
  // Claimed in this process before the first await, so two runs started together cannot both pass.
  held.add(file)
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await writeFile(file, JSON.stringify({ pid: process.pid, started: processStart(process.pid) }), { flag: 'wx' })
        return async () => {
          await rm(file, { force: true })
          held.delete(file)
        }
      } catch (error) {
        if (!hasCode(error, 'EEXIST') || attempt > 0) throw error
        const holder = lockHolder(await readFile(file, 'utf8').catch(() => ''))
        if (holder !== undefined && holder.pid !== process.pid && isAlive(holder)) throw new ConcurrentRunError(job, holder.pid)
        await unlink(file).catch(() => undefined)
      }
    }
  } catch (error) {
    held.delete(file)
    throw error
  }
}

interface LockHolder {
  readonly pid: number
  /** When the process started, in clock ticks after boot (Linux), so a reused process id is told apart. */
  readonly started?: string
}

/** The lock file's holder: `{ pid, started }`, or a bare process id as earlier versions wrote it. */
function lockHolder(text: string): LockHolder | undefined {
  let parsed: unknown
  try {
    parsed = /^\s*\{/.test(text) ? JSON.parse(text) : { pid: Number(text) }
  } catch {
    return undefined
  }
  const { pid, started } = (parsed ?? {}) as { pid?: unknown; started?: unknown }
  if (typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0) return undefined
  return typeof started === 'string' ? { pid, started } : { pid }
}

function isAlive(holder: LockHolder): boolean {
  try {
    process.kill(holder.pid, 0)
  } catch (error) {
    return hasCode(error, 'EPERM')
  }
  return holder.started === undefined || processStart(holder.pid) === holder.started
}

/** Field 22 of `/proc/<pid>/stat`, the process's start time; undefined where there is no /proc. */
function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name (field 2) is in parentheses and may hold spaces: count after its last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]
  } catch {
    return undefined
  }
}

// A staged file already moved (a plan applied twice) is skipped. A concurrent delete may remove
// the folder between mkdir and rename, so the rename is tried again.
async function moveInto(from: string, to: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await mkdir(dirname(to), { recursive: true })
    try {
      await rename(from, to)
      return
    } catch (error) {
      if (!hasCode(error, 'ENOENT') || attempt === 5) throw error
      const staged = await open(from, 'r').then(
        async (handle) => (await handle.close(), true),
        () => false,
      )
      if (!staged) return
    }
  }
}
