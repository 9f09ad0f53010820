export { readItems, MAX_ITEMS_LIMIT, type ListedObjectItem } from './item-reader.js'
export { parseDelimited } from './csv.js'
export { batchItems, bytesOf, MAX_BATCH_BYTES } from './item-batcher.js'
export { writeResults, transformResults, executionRecord, mapRunArn } from './result-writer.js'
export { toleratedFailureExceeded, type ToleratedFailure } from './tolerated-failure.js'
export { ItemReaderFailed, ResultWriterFailed, MapRunRuntimeError, NotSupportedLocally } from './failure.js'
export type {
  Batch,
  ChildExecution,
  ChildStatus,
  CsvDelimiter,
  InputType,
  ItemBatcher,
  ItemReader,
  MapRunResults,
  OutputType,
  ReaderConfig,
  ResultTransformation,
  ResultWriter,
  ResultWriterOutput,
  WriterConfig,
} from './types.js'
