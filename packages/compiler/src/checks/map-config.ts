import { jsonPointer, type Diagnostic } from '../diagnostics.js'
import { isRecord, type Path, type StateInfo } from './context.js'
import type { CheckRule } from './rule.js'
import { hasPlaceholder, isDeferred, isInteger } from './values.js'

const code = 'SCHEMA_VALIDATION_FAILED'

/**
 * Fields of a Map state that only a Distributed Map takes (developer guide, "Distributed Map state
 * fields"). The tolerated-failure fields are not among them: AWS accepts them on an Inline Map too
 * (recorded in ../shared/fixtures/conformance, evaluate_jsonata test_base_map).
 */
const DISTRIBUTED_ONLY = ['ItemReader', 'ItemBatcher', 'ResultWriter', 'Label'] as const

/** A Label is at most 40 characters, none of them whitespace, brackets, wildcards, specials or controls. */
const LABEL_LIMIT = 40
const LABEL_FORBIDDEN = /[\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]/u

/** The ItemBatcher's byte limit: 256 KiB (developer guide, "ItemBatcher"). */
const MAX_BATCH_BYTES = 262_144

type Check = (value: unknown) => boolean
const nonNegativeInteger: Check = (value) => isInteger(value) && value >= 0
const positiveInteger: Check = (value) => isInteger(value) && value >= 1

/**
 * A Map state's settings, per the developer guide's Map pages: MaxConcurrency and
 * ToleratedFailureCount are integers of at least 0, ToleratedFailurePercentage a number from 0 to
 * 100, each given as a value or a `...Path`, not both; ItemReader, ItemBatcher, ResultWriter, the
 * tolerated failures and Label need `ProcessorConfig.Mode` DISTRIBUTED, and so does
 * `ProcessorConfig.ExecutionType`; a Label has at most 40 characters and none of those a Map Run
 * name cannot hold; an ItemBatcher sets at least one of its maximums.
 */
export const mapConfig: CheckRule = {
  code,
  check(_definition, context) {
    const out: Diagnostic[] = []
    for (const state of context.states) {
      if (state.type === 'Map') checkMap(state, out)
    }
    return out
  },
}

function checkMap(state: StateInfo, out: Diagnostic[]): void {
  const { value } = state
  const report = (at: Path, message: string, hint?: string): void => {
    out.push({ severity: 'ERROR', code, message, location: jsonPointer([...state.path, ...at]), ...(hint === undefined ? {} : { hint }) })
  }
  const number = (holder: unknown, at: Path, field: string, fits: Check, wanted: string): void => {
    if (!isRecord(holder) || !(field in holder)) return
    const pathField = `${field}Path`
    if (pathField in holder) {
      report([...at, pathField], `'${field}' and '${pathField}' cannot both be set`, `Keep '${field}' for a fixed value or '${pathField}' to read it from the input`)
    }
    if (!fits(holder[field]) && !isDeferred(holder[field], state)) report([...at, field], `'${field}' must be ${wanted}`)
  }

  number(value, [], 'MaxConcurrency', nonNegativeInteger, 'an integer of at least 0 (0 means no limit)')
  number(value, [], 'ToleratedFailureCount', nonNegativeInteger, 'an integer of at least 0')
  number(value, [], 'ToleratedFailurePercentage', (v) => typeof v === 'number' && v >= 0 && v <= 100, 'a number from 0 to 100')

  const processor = isRecord(value['ItemProcessor']) ? value['ItemProcessor'] : isRecord(value['Iterator']) ? value['Iterator'] : undefined
  const processorKey = isRecord(value['ItemProcessor']) ? 'ItemProcessor' : 'Iterator'
  const config = processor?.['ProcessorConfig']
  const mode = isRecord(config) ? config['Mode'] : undefined
  if (isRecord(config)) {
    if ('Mode' in config && mode !== 'INLINE' && mode !== 'DISTRIBUTED') {
      report([processorKey, 'ProcessorConfig', 'Mode'], "'Mode' must be 'INLINE' or 'DISTRIBUTED'")
    }
    const executionType = config['ExecutionType']
    if ('ExecutionType' in config && mode !== 'DISTRIBUTED') {
      report([processorKey, 'ProcessorConfig', 'ExecutionType'], "'ExecutionType' is only allowed when 'Mode' is 'DISTRIBUTED'", 'Inline iterations run in the parent execution; remove ExecutionType or set "Mode": "DISTRIBUTED"')
    } else if ('ExecutionType' in config && executionType !== 'STANDARD' && executionType !== 'EXPRESS') {
      report([processorKey, 'ProcessorConfig', 'ExecutionType'], "'ExecutionType' must be 'STANDARD' or 'EXPRESS'")
    }
  }
  if (mode !== 'DISTRIBUTED') {
    for (const field of DISTRIBUTED_ONLY) {
      if (field in value) {
        report([field], `'${field}' is only allowed in a Distributed Map`, `Set "ProcessorConfig": { "Mode": "DISTRIBUTED", "ExecutionType": "STANDARD" } in ${processorKey}, or remove '${field}'`)
      }
    }
  }

  const label = value['Label']
  if ('Label' in value && !hasPlaceholder(label)) {
    if (typeof label !== 'string' || label.length === 0 || [...label].length > LABEL_LIMIT) {
      report(['Label'], `'Label' must be a string of 1 to ${LABEL_LIMIT} characters`)
    } else if (LABEL_FORBIDDEN.test(label)) {
      report(['Label'], `'Label' cannot contain whitespace, brackets, wildcards, special characters (" # % \\ ^ | ~ \` $ & , ; : /) or control characters`, 'Use letters, digits, - and _')
    }
  }

  const batcher = value['ItemBatcher']
  if ('ItemBatcher' in value) {
    if (!isRecord(batcher)) {
      report(['ItemBatcher'], "'ItemBatcher' must be an object")
    } else {
      const limits = ['MaxItemsPerBatch', 'MaxItemsPerBatchPath', 'MaxInputBytesPerBatch', 'MaxInputBytesPerBatchPath']
      if (!limits.some((field) => field in batcher)) {
        report(['ItemBatcher'], `'ItemBatcher' must have at least one of [${limits.join(', ')}]`)
      }
      number(batcher, ['ItemBatcher'], 'MaxItemsPerBatch', positiveInteger, 'an integer of at least 1')
      number(batcher, ['ItemBatcher'], 'MaxInputBytesPerBatch', (v) => positiveInteger(v) && (v as number) <= MAX_BATCH_BYTES, `an integer from 1 to ${MAX_BATCH_BYTES} (256 KiB)`)
    }
  }
}
