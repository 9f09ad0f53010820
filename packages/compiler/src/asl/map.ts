import type { ItemBatcherNode, ItemReaderNode, MapStateNode, ProcessorConfigNode, ResultWriterNode } from '@dlc/dsl'
import { ordered, type Entry } from './ordered.js'
import type { AslObject } from './types.js'

/**
 * The Map-specific fields in the order items flow through a Map: where items come from
 * (`ItemReader`, `ItemsPath`/`Items`), how each is shaped and batched, how many run at once
 * and may fail, what runs per item (`ItemProcessor`, passed in already emitted), and where
 * results go (`ResultWriter`).
 */
export function mapEntries(state: MapStateNode, itemProcessor: AslObject): Entry[] {
  return [
    ['ItemReader', state.itemReader && emitItemReader(state.itemReader)],
    ['ItemsPath', state.itemsPath],
    ['Items', state.items],
    ['ItemSelector', state.itemSelector],
    ['ItemBatcher', state.itemBatcher && emitItemBatcher(state.itemBatcher)],
    ['MaxConcurrency', state.maxConcurrency],
    ['MaxConcurrencyPath', state.maxConcurrencyPath],
    ['ToleratedFailureCount', state.toleratedFailureCount],
    ['ToleratedFailureCountPath', state.toleratedFailureCountPath],
    ['ToleratedFailurePercentage', state.toleratedFailurePercentage],
    ['ToleratedFailurePercentagePath', state.toleratedFailurePercentagePath],
    ['Label', state.label],
    ['ItemProcessor', itemProcessor],
    ['ResultWriter', state.resultWriter && emitResultWriter(state.resultWriter)],
  ]
}

/** `Mode, ExecutionType`. */
export function emitProcessorConfig(config: ProcessorConfigNode): AslObject {
  return ordered([
    ['Mode', config.mode],
    ['ExecutionType', config.executionType],
  ])
}

function emitItemReader(reader: ItemReaderNode): AslObject {
  return ordered([
    ['Resource', reader.resource],
    ['ReaderConfig', reader.readerConfig],
    ['Parameters', reader.parameters],
    ['Arguments', reader.arguments],
  ])
}

function emitItemBatcher(batcher: ItemBatcherNode): AslObject {
  return ordered([
    ['MaxItemsPerBatch', batcher.maxItemsPerBatch],
    ['MaxItemsPerBatchPath', batcher.maxItemsPerBatchPath],
    ['MaxInputBytesPerBatch', batcher.maxInputBytesPerBatch],
    ['MaxInputBytesPerBatchPath', batcher.maxInputBytesPerBatchPath],
    ['BatchInput', batcher.batchInput],
  ])
}

function emitResultWriter(writer: ResultWriterNode): AslObject {
  return ordered([
    ['Resource', writer.resource],
    ['Parameters', writer.parameters],
    ['Arguments', writer.arguments],
    ['WriterConfig', writer.writerConfig],
  ])
}
