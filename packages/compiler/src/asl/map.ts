import type { ItemBatcherNode, ItemReaderNode, MapStateNode, ProcessorConfigNode, ResultWriterNode } from '@dlc/dsl'
import { emitLayout, type Layout, type Source } from './layout.js'

const PROCESSOR_CONFIG: Layout<ProcessorConfigNode> = [
  ['Mode', 'mode'],
  ['ExecutionType', 'executionType'],
]

const ITEM_READER: Layout<ItemReaderNode> = [
  ['Resource', 'resource'],
  ['ReaderConfig', 'readerConfig'],
  ['Parameters', 'parameters'],
  ['Arguments', 'arguments'],
]

const ITEM_BATCHER: Layout<ItemBatcherNode> = [
  ['MaxItemsPerBatch', 'maxItemsPerBatch'],
  ['MaxItemsPerBatchPath', 'maxItemsPerBatchPath'],
  ['MaxInputBytesPerBatch', 'maxInputBytesPerBatch'],
  ['MaxInputBytesPerBatchPath', 'maxInputBytesPerBatchPath'],
  ['BatchInput', 'batchInput'],
]

const RESULT_WRITER: Layout<ResultWriterNode> = [
  ['Resource', 'resource'],
  ['Parameters', 'parameters'],
  ['Arguments', 'arguments'],
  ['WriterConfig', 'writerConfig'],
]

/**
 * The Map-specific fields in the order items flow through a Map: where items come from
 * (`ItemReader`, `ItemsPath`/`Items`), how each is shaped and batched, how many run at once
 * and may fail, what runs per item (`ItemProcessor`), and where results go (`ResultWriter`).
 */
export function mapLayout(itemProcessor: Source<MapStateNode>): Layout<MapStateNode> {
  return [
    ['ItemReader', (state) => state.itemReader && emitLayout(state.itemReader, ITEM_READER)],
    ['ItemsPath', 'itemsPath'],
    ['Items', 'items'],
    ['ItemSelector', 'itemSelector'],
    ['ItemBatcher', (state) => state.itemBatcher && emitLayout(state.itemBatcher, ITEM_BATCHER)],
    ['MaxConcurrency', 'maxConcurrency'],
    ['MaxConcurrencyPath', 'maxConcurrencyPath'],
    ['ToleratedFailureCount', 'toleratedFailureCount'],
    ['ToleratedFailureCountPath', 'toleratedFailureCountPath'],
    ['ToleratedFailurePercentage', 'toleratedFailurePercentage'],
    ['ToleratedFailurePercentagePath', 'toleratedFailurePercentagePath'],
    ['Label', 'label'],
    ['ItemProcessor', itemProcessor],
    ['ResultWriter', (state) => state.resultWriter && emitLayout(state.resultWriter, RESULT_WRITER)],
  ]
}

/** `Mode, ExecutionType`. */
export function emitProcessorConfig(config: ProcessorConfigNode) {
  return emitLayout(config, PROCESSOR_CONFIG)
}
