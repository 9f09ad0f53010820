/**
 * Where aws-local-stepfunctions 3.0.0 departs from AWS, so the two interpreters' disagreement
 * says nothing about dlc. The generator cannot steer around these (whether a path holds an
 * object or a string depends on the data reaching it), so the property skips a case when its
 * outcome shows one of them. Each says which AWS source decides it.
 */
import type { Outcome } from './outcome.js'

export interface Departure {
  readonly name: string
  /** Whether this case's outcomes (and its definition) show the departure. */
  readonly shows: (dlc: Outcome, peer: Outcome, definition: unknown) => boolean
}

/** The error a failed outcome reports; undefined for the others. */
const errorOf = (outcome: Outcome): string | undefined => (outcome.status === 'FAILED' ? outcome.error : undefined)

const failed = (outcome: Outcome, error: string, causeStart = ''): boolean => outcome.status === 'FAILED' && outcome.error === error && (outcome.cause ?? '').startsWith(causeStart)

export const PEER_DEPARTURES: readonly Departure[] = [
  {
    // AWS names a failing intrinsic function States.IntrinsicFailure, an error Catch and Retry
    // can match (developer guide, "Handling errors in Step Functions workflows", Error names).
    // aws-local-stepfunctions reports its argument checks as States.Runtime, which no Catch takes
    // ("Intrinsic function States.ArrayLength expected argument 1 to be of type 'array'..."), and
    // lets JavaScript's own errors out of States.StringToJson and States.Base64Decode. Its checks
    // also refuse what AWS accepts: States.Format of an object or array (recorded:
    // intrinsic_functions.test_generic_test_format_2..., {"Arg1": 1, "Arg2": []} formats as
    // "{Arg1=1, Arg2=[]}").
    name: 'a failing intrinsic function (States.Runtime or a JavaScript error, not States.IntrinsicFailure)',
    shows: (_, peer) => failed(peer, 'States.Runtime', 'Intrinsic function ') || failed(peer, 'SyntaxError') || failed(peer, 'InvalidCharacterError'),
  },
  {
    // A ResultPath that goes through something other than an object fails in AWS ("Unable to
    // apply ReferencePath $.partitioned to input ...", github.com/aws/aws-cdk/issues/29473).
    // aws-local-stepfunctions replaces a number on the way with an object ({"a":1} with
    // ResultPath $.a.deep gives {"a":{"deep":...}}), and on a non-object input fails with
    // States.ResultPathMatchFailure, which a Catch on States.ALL takes. Which name AWS gives this
    // failure is not recorded in ../shared/fixtures.
    name: 'a ResultPath through a value that is not an object',
    shows: (dlc, peer) => (dlc.status === 'FAILED' && (dlc.cause ?? '').includes('Unable to apply ReferencePath')) || failed(peer, 'States.ResultPathMatchFailure'),
  },
  {
    // Not a departure but a race: when two Parallel branches or Map iterations fail, the state
    // fails with whichever failure comes first (developer guide, Parallel state: "If any branch
    // fails, ... the entire Parallel state fails"), which AWS does not order; one failure may be
    // caught and the other not. Each interpreter may pick a different one, and both are right.
    name: 'two concurrent branches or iterations failing differently',
    shows: (dlc, peer, definition) => (dlc.status === 'FAILED' || peer.status === 'FAILED') && errorOf(dlc) !== errorOf(peer) && runsConcurrently(definition),
  },
]

/** The first departure a case's outcomes show, if any. */
export function departureShown(dlc: Outcome, peer: Outcome, definition: unknown): Departure | undefined {
  return PEER_DEPARTURES.find((departure) => departure.shows(dlc, peer, definition))
}

/** Whether a definition has a Parallel of two branches or more, or a Map that may run two items at once. */
function runsConcurrently(definition: unknown): boolean {
  const states = Object.values((definition as { States?: Record<string, Record<string, unknown>> }).States ?? {})
  return states.some((state) => {
    if (state.Type === 'Parallel') return (state.Branches as unknown[]).length > 1 || (state.Branches as unknown[]).some(runsConcurrently)
    if (state.Type === 'Map') return state.MaxConcurrency !== 1 || runsConcurrently(state.ItemProcessor)
    return false
  })
}
