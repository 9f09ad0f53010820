/** A failure with the `States.*` name AWS reports and the cause it gives, as the interpreter's Catch sees them. */
abstract class StatesFailure extends Error {
  override readonly cause: string

  constructor(cause: string) {
    super(cause)
    this.cause = cause
  }
}

/**
 * A Distributed Map could not read its items from the ItemReader's source: the object is missing,
 * is not the promised format, or its headers clash. Catchable in ASL as `States.ItemReaderFailed`.
 *
 * @example throw new ItemReaderFailed('CSV headers cannot contain duplicates.')
 */
export class ItemReaderFailed extends StatesFailure {
  override readonly name = 'States.ItemReaderFailed'
}

/**
 * A Distributed Map could not write its results where the ResultWriter points. Catchable in ASL
 * as `States.ResultWriterFailed`.
 *
 * @example throw new ResultWriterFailed('NoSuchBucket: The specified bucket does not exist.')
 */
export class ResultWriterFailed extends StatesFailure {
  override readonly name = 'States.ResultWriterFailed'
}

/**
 * A Map Run setting resolved to a value AWS refuses at run time (a negative tolerated failure
 * count, a batch limit that is not a positive integer). AWS reports it as `States.Runtime`, which
 * no Catch can handle; the interpreter prefixes the cause with the state it happened in.
 *
 * @example throw new MapRunRuntimeError('ToleratedFailureCount cannot be negative.')
 */
export class MapRunRuntimeError extends StatesFailure {
  override readonly name = 'States.Runtime'
}

/**
 * Something AWS does that the local runtime does not (Parquet input, zstd on Node without it).
 * Deliberately not a `States.*` error, so no Catch in the state machine swallows it.
 *
 * @example throw new NotSupportedLocally('ItemReader InputType PARQUET is not supported by the local runtime')
 */
export class NotSupportedLocally extends Error {
  override readonly name = 'NotSupportedLocally'
}
