import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { validate } from '@dlc/compiler'

const rules = new URL('./fixtures/rules/', import.meta.url)
const read = (folder: string, file: string): unknown => JSON.parse(readFileSync(new URL(`${folder}/${file}`, rules), 'utf8'))

/**
 * Each rule's fixtures are checked against that rule alone elsewhere; here the whole validator
 * (schema and every rule) must agree: a valid fixture has no error, an invalid one has one.
 */
describe.each(readdirSync(rules))('the whole validator on the %s fixtures', (folder) => {
  const files = readdirSync(new URL(`${folder}/`, rules))
  const { type } = read(folder, 'expected.json') as { type?: 'STANDARD' | 'EXPRESS' }
  const options = type === undefined ? {} : { type }

  it.each(files.filter((file) => file.startsWith('valid-')))('%s has no error', (file) => {
    expect(validate(read(folder, file), options).diagnostics.filter((d) => d.severity === 'ERROR')).toEqual([])
  })

  it.each(files.filter((file) => file.startsWith('invalid-')))('%s is reported', (file) => {
    expect(validate(read(folder, file), options).diagnostics.length).toBeGreaterThan(0)
  })
})
