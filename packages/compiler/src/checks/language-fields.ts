import type { QueryLanguage } from '@dlc/dsl'
import { jsonPointer, type Diagnostic } from '../diagnostics.js'
import { isRecord, type JsonRecord, type Path, type StateInfo } from './context.js'
import type { CheckRule } from './rule.js'

const code = 'SCHEMA_VALIDATION_FAILED'

/**
 * Fields that exist in one query language only, each with what the other language uses
 * instead. From the Step Functions developer guide: the state pages mark them "JSONPath
 * only" / "JSONata only", and "Transforming data with JSONata" lists the five JSONPath
 * fields that `Arguments` and `Output` replace. `Assign`, `ItemSelector`, `Credentials`
 * and the plain `Seconds`/`TimeoutSeconds`/... fields exist in both.
 */
const ONLY_IN: Readonly<Record<QueryLanguage, Readonly<Record<string, string>>>> = {
  JSONPath: {
    InputPath: "'Arguments'",
    Parameters: "'Arguments'",
    ResultSelector: "'Output'",
    ResultPath: "'Output' (and 'Assign')",
    OutputPath: "'Output'",
    Result: "'Output'",
    ItemsPath: "'Items'",
    SecondsPath: "'Seconds'",
    TimestampPath: "'Timestamp'",
    TimeoutSecondsPath: "'TimeoutSeconds'",
    HeartbeatSecondsPath: "'HeartbeatSeconds'",
    ErrorPath: "'Error'",
    CausePath: "'Cause'",
    MaxConcurrencyPath: "'MaxConcurrency'",
    ToleratedFailureCountPath: "'ToleratedFailureCount'",
    ToleratedFailurePercentagePath: "'ToleratedFailurePercentage'",
    MaxItemsPerBatchPath: "'MaxItemsPerBatch'",
    MaxInputBytesPerBatchPath: "'MaxInputBytesPerBatch'",
    MaxItemsPath: "'MaxItems'",
    Variable: "'Condition'",
    And: "'Condition'",
    Or: "'Condition'",
    Not: "'Condition'",
  },
  JSONata: {
    Arguments: "'Parameters'",
    Output: "'ResultSelector', 'ResultPath' and 'OutputPath'",
    Items: "'ItemsPath'",
    Condition: "'Variable' with a comparison such as 'StringEquals'",
  },
}

const OTHER: Readonly<Record<QueryLanguage, QueryLanguage>> = { JSONPath: 'JSONata', JSONata: 'JSONPath' }

/** ONLY_IN as maps: a field name is looked up for every field of every ASL object. */
const ONLY_IN_MAPS: Readonly<Record<QueryLanguage, ReadonlyMap<string, string>>> = {
  JSONPath: new Map(Object.entries(ONLY_IN.JSONPath)),
  JSONata: new Map(Object.entries(ONLY_IN.JSONata)),
}

/**
 * A state may only use the fields of its effective query language. Checked on the state
 * and on the ASL objects inside it (catchers, choice rules, the Map's reader, batcher and
 * writer), never inside payloads such as `Parameters`, whose keys are the user's.
 */
export const languageFields: CheckRule = {
  code,
  check(_definition, context) {
    const out: Diagnostic[] = []
    for (const state of context.states) checkAslObjects(state, out)
    return out
  },
}

function misplacedFields(value: JsonRecord, state: StateInfo, at: Path, out: Diagnostic[]): void {
  const { language } = state
  const other = OTHER[language]
  const foreign = ONLY_IN_MAPS[other]
  for (const field of state.namesOf(value)) {
    const instead = foreign.get(field)
    if (instead === undefined) continue
    out.push({
      severity: 'ERROR',
      code,
      message: `Field '${field}' is not supported in a ${language} state: it is ${other} only`,
      location: jsonPointer([...state.path, ...at, field]),
      hint:
        language === 'JSONata'
          ? `Use ${instead} with {% %} JSONata expressions instead`
          : `Use ${instead} instead, or set "QueryLanguage": "JSONata" on the state`,
    })
  }
}

const ITEM_OBJECTS = ['ItemReader', 'ItemBatcher', 'ResultWriter'] as const
const STATE_ITSELF: Path = []

/** Checks the state itself and the ASL-defined objects nested in it, each with its path relative to the state. */
function checkAslObjects(state: StateInfo, out: Diagnostic[]): void {
  misplacedFields(state.value, state, STATE_ITSELF, out)
  for (const list of ['Catch', 'Choices']) {
    const items = state.value[list]
    if (!Array.isArray(items)) continue
    for (let index = 0; index < items.length; index++) {
      const item: unknown = items[index]
      if (isRecord(item)) misplacedFields(item, state, [list, index], out)
    }
  }
  for (const key of ITEM_OBJECTS) {
    const object = state.value[key]
    if (isRecord(object)) misplacedFields(object, state, [key], out)
  }
  const reader = state.value['ItemReader']
  if (isRecord(reader) && isRecord(reader['ReaderConfig'])) misplacedFields(reader['ReaderConfig'], state, ['ItemReader', 'ReaderConfig'], out)
}
