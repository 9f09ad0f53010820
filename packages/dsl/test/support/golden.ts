import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect } from 'vitest'
import { compileWorkflow, toJson } from '@dlc/compiler'
import type { Workflow } from '@dlc/dsl'
import { expectAcceptedByAws } from '../../../compiler/test/support/aws-validators.js'

const goldenDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'golden')

/**
 * Compiles a workflow, compares the ASL with its reviewed golden file byte for byte, and has
 * AWS's own ASL language service and asl-validator check it too: a golden file alone proves
 * only that nothing changed. `UPDATE_GOLDEN=1` writes missing or changed files; review every
 * such diff by hand.
 */
export async function expectGolden(name: string, workflow: Workflow): Promise<Record<string, unknown>> {
  const compiled = compileWorkflow(workflow.build())
  expect(compiled.diagnostics.filter((d) => d.severity === 'ERROR')).toEqual([])
  const text = toJson(compiled.definition)
  const file = join(goldenDir, `${name}.asl.json`)
  if (process.env.UPDATE_GOLDEN === '1' && (!existsSync(file) || readFileSync(file, 'utf8') !== text)) {
    mkdirSync(goldenDir, { recursive: true })
    writeFileSync(file, text)
  }
  expect(text).toBe(readFileSync(file, 'utf8'))
  await expectAcceptedByAws(compiled.definition)
  return compiled.definition as unknown as Record<string, unknown>
}
