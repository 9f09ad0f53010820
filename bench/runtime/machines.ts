/**
 * The two JSONPath state machines the runtime bench runs, with their inputs. Both are pure ASL
 * (no Task), deterministic (no States.UUID or States.MathRandom) and stay under Step Functions'
 * 256 KiB payload limit, so every interpreter must give the same output for them.
 */

/** A machine, the input it runs on, and a line for the bench's header. */
export interface BenchMachine {
  readonly name: string
  readonly definition: Record<string, unknown>
  readonly input: unknown
  readonly description: string
}

/**
 * An order summary in 10 states: a Choice loop adds the order's line amounts one at a time
 * (States.MathAdd of States.ArrayGetItem), a second Choice sorts the order into a size, and two
 * Pass states build the summary with States.Format, States.JsonToString, States.Base64Encode,
 * States.Hash, States.ArrayUnique, States.ArrayContains, States.StringSplit and States.ArrayPartition.
 */
export const orderSummary: BenchMachine = {
  name: 'order summary',
  description: '10 Pass/Choice states, a 5-turn Choice loop, 13 intrinsic calls of 11 functions; 17 states entered per execution',
  input: { id: 'o-1042', customer: { name: 'Ada', tier: 'gold', tags: 'vip,eu,vip' }, lines: [12, 30, 7, 45, 3] },
  definition: {
    Comment: 'bench:runtime order summary',
    StartAt: 'Start',
    States: {
      Start: {
        Type: 'Pass',
        Parameters: { 'id.$': '$.id', 'customer.$': '$.customer', 'lines.$': '$.lines', 'count.$': 'States.ArrayLength($.lines)', index: 0, total: 0 },
        Next: 'MoreLines',
      },
      MoreLines: {
        Type: 'Choice',
        Choices: [{ Variable: '$.index', NumericLessThanPath: '$.count', Next: 'AddLine' }],
        Default: 'Size',
      },
      AddLine: {
        Type: 'Pass',
        Parameters: {
          'id.$': '$.id',
          'customer.$': '$.customer',
          'lines.$': '$.lines',
          'count.$': '$.count',
          'index.$': 'States.MathAdd($.index, 1)',
          'total.$': 'States.MathAdd($.total, States.ArrayGetItem($.lines, $.index))',
        },
        Next: 'MoreLines',
      },
      Size: {
        Type: 'Choice',
        Choices: [
          { And: [{ Variable: '$.total', NumericGreaterThanEquals: 50 }, { Variable: '$.customer.tier', StringEquals: 'gold' }], Next: 'Priority' },
          { Variable: '$.total', NumericGreaterThan: 100, Next: 'Large' },
        ],
        Default: 'Small',
      },
      Priority: { Type: 'Pass', Result: { size: 'priority', ship: 'express' }, ResultPath: '$.size', Next: 'Label' },
      Large: { Type: 'Pass', Result: { size: 'large', ship: 'standard' }, ResultPath: '$.size', Next: 'Label' },
      Small: { Type: 'Pass', Result: { size: 'small', ship: 'standard' }, ResultPath: '$.size', Next: 'Label' },
      Label: {
        Type: 'Pass',
        Parameters: {
          'text.$': "States.Format('Order {} for {}: {} lines, total {} ({})', $.id, $.customer.name, $.count, $.total, $.size.size)",
          'lines.$': 'States.JsonToString($.lines)',
          'pairs.$': 'States.ArrayPartition($.lines, 2)',
          'tags.$': "States.ArrayUnique(States.StringSplit($.customer.tags, ','))",
          'hasBig.$': 'States.ArrayContains($.lines, 45)',
        },
        ResultPath: '$.label',
        Next: 'Seal',
      },
      Seal: {
        Type: 'Pass',
        Parameters: {
          'summary.$': '$.label',
          'ship.$': '$.size.ship',
          'token.$': "States.Base64Encode(States.Format('{}:{}', $.id, $.total))",
          'digest.$': "States.Hash($.label.text, 'SHA-256')",
        },
        Next: 'Done',
      },
      Done: { Type: 'Succeed' },
    },
  },
}

const ITEMS = 10_000

/**
 * An inline Map over 10,000 numbers: each iteration's ItemSelector takes the value and index
 * from the context object, one Pass adds them (States.MathAdd), a second keeps the sum. The
 * results (an array of 10,000 numbers) land beside the input.
 */
export const priceList: BenchMachine = {
  name: 'map 10,000',
  description: `an inline Map over ${ITEMS.toLocaleString('en-US')} items, 2 Pass states per item (ItemSelector from $$.Map.Item, States.MathAdd)`,
  input: { items: Array.from({ length: ITEMS }, (_, i) => (i * 7) % 1000) },
  definition: {
    Comment: 'bench:runtime map over 10,000 items',
    StartAt: 'PriceAll',
    States: {
      PriceAll: {
        Type: 'Map',
        ItemsPath: '$.items',
        ItemSelector: { 'value.$': '$$.Map.Item.Value', 'index.$': '$$.Map.Item.Index' },
        ItemProcessor: {
          ProcessorConfig: { Mode: 'INLINE' },
          StartAt: 'Price',
          States: {
            Price: { Type: 'Pass', Parameters: { 'cents.$': 'States.MathAdd($.value, $.index)' }, Next: 'Keep' },
            Keep: { Type: 'Pass', OutputPath: '$.cents', End: true },
          },
        },
        ResultPath: '$.prices',
        End: true,
      },
    },
  },
}

export const MACHINES: readonly BenchMachine[] = [orderSummary, priceList]
