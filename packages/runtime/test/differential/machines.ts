/**
 * Random JSONPath state machines that always stop: each is a chain of states where every jump
 * (Choice rule, Default, Catch) goes forward, and every state is reachable (each state's
 * Next or Default is the one after it). Parallel branches and Map processors are smaller chains.
 */
import fc from 'fast-check'
import { branchTemplate, ioPath, literal, path, resultPath, template } from './payloads.js'

type Fields = Record<string, unknown>

/** A choice rule without Next: a comparison, or And/Or/Not of rules. */
type Rule = Fields

interface Forward {
  /** Picks the target among the states after this one and the chain's side exits (modulo their number). */
  readonly target: number
}

type Body =
  | { readonly kind: 'Pass'; readonly fields: Fields }
  | { readonly kind: 'Choice'; readonly rules: ReadonlyArray<{ readonly rule: Rule } & Forward>; readonly fields: Fields }
  | { readonly kind: 'Parallel'; readonly branches: readonly Chain[]; readonly fields: Fields; readonly catcher: Catcher | null }
  | { readonly kind: 'Map'; readonly processor: Chain; readonly fields: Fields; readonly catcher: Catcher | null }

interface Catcher extends Forward {
  readonly errors: readonly string[]
}

type Terminal = { readonly kind: 'Pass'; readonly fields: Fields } | { readonly kind: 'Succeed'; readonly fields: Fields } | { readonly kind: 'Fail'; readonly fields: Fields }

interface Chain {
  readonly body: readonly Body[]
  readonly last: Terminal
  /** Succeed and Fail states only Choice rules and Catchers jump to; dropped when none does. */
  readonly exits: readonly Terminal[]
}

/** Drops the fields generated as undefined (absent); null stays, it means something in ASL. */
function defined(fields: Fields): Fields {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined))
}

/** What Fail states raise; no States. prefix, which AWS keeps for its own errors. */
const ERROR_NAMES = ['Oops', 'Custom.Error', 'Lambda.Unknown'] as const

const io = fc.record({ InputPath: ioPath, OutputPath: ioPath }).map(defined)

/**
 * A Pass state's Result is never false, 0, "" or null: the ASL specification makes Result the
 * state's result whatever its value, and dlc does; aws-local-stepfunctions 3.0.0 ignores a falsy
 * Result and passes the input on.
 */
const truthy = literal.filter((value) => value !== false && value !== 0 && value !== '' && value !== null)

/** Pass: at most one of Result and Parameters (built from `parameters`), and any of the path fields. */
const passFields = (parameters: fc.Arbitrary<Fields>): fc.Arbitrary<Fields> =>
  fc
    .record({
      InputPath: ioPath,
      payload: fc.oneof(fc.constant({}), truthy.map((Result) => ({ Result })), parameters.map((Parameters) => ({ Parameters }))),
      ResultPath: resultPath,
      OutputPath: ioPath,
    })
    .map(({ payload, ...rest }) => defined({ ...rest, ...payload }))

const NUMERIC_ORDER = ['NumericLessThan', 'NumericGreaterThan', 'NumericLessThanEquals', 'NumericGreaterThanEquals'] as const
const STRING_ORDER = ['StringLessThan', 'StringGreaterThan', 'StringLessThanEquals', 'StringGreaterThanEquals'] as const
const TYPE_TESTS = ['IsPresent', 'IsNull', 'IsNumeric', 'IsString', 'IsBoolean'] as const

type TypeTest = 'IsNumeric' | 'IsString' | 'IsBoolean'

/** A rule that runs only where its paths hold values of one type: And stops at the first false test. */
function guarded(test: TypeTest, paths: readonly string[], comparison: Rule): Rule {
  return { And: [...paths.map((Variable) => ({ Variable, [test]: true })), comparison] }
}

const number = fc.oneof(fc.integer({ min: -3, max: 12 }), fc.constantFrom(0.5, 2.25))
const text = fc.constantFrom('x', 'y', 'ab', '', 'a,b', 'Zeta')

/**
 * Comparisons as AWS evaluates them: a value of another type makes a comparison false
 * (recorded: choice_operators.test_numeric_test_numeric_equals_cases_44, NumericEquals on false;
 * ..._is_boolean_cases_3, IsBoolean false on 0 holds). aws-local-stepfunctions 3.0.0 departs
 * from that, so these shapes are not generated:
 * - ordering operators compare with JavaScript's < and >, so false < 8 and ["a"] < "b" hold;
 *   they are generated behind a type test of the same path (And stops at a false test);
 * - StringMatches throws a TypeError on anything but a string: behind IsString too;
 * - a ...Path operand of another type fails with States.Runtime ("Path expression '$.x'
 *   evaluated to "ab", but expected a boolean"), which the recordings do not cover: both paths
 *   behind type tests;
 * - IsNull, IsPresent, IsNumeric, IsString and IsBoolean with false always answer false: only
 *   true is generated.
 * Equality with a literal (NumericEquals, StringEquals, BooleanEquals) is strict equality there,
 * as in AWS, so it runs on values of any type.
 */
const comparison: fc.Arbitrary<Rule> = fc.oneof(
  fc.tuple(path, number).map(([Variable, NumericEquals]) => ({ Variable, NumericEquals })),
  fc.tuple(path, text).map(([Variable, StringEquals]) => ({ Variable, StringEquals })),
  fc.tuple(path, fc.boolean()).map(([Variable, BooleanEquals]) => ({ Variable, BooleanEquals })),
  fc.tuple(path, fc.constantFrom(...NUMERIC_ORDER), number).map(([Variable, op, value]) => guarded('IsNumeric', [Variable], { Variable, [op]: value })),
  fc.tuple(path, fc.constantFrom(...STRING_ORDER), text).map(([Variable, op, value]) => guarded('IsString', [Variable], { Variable, [op]: value })),
  fc.tuple(path, fc.constantFrom('x*', '*b', 'a*b', '*', 'hello *')).map(([Variable, StringMatches]) => guarded('IsString', [Variable], { Variable, StringMatches })),
  fc
    .tuple(path, fc.constantFrom(['IsNumeric', 'NumericEquals'], ...NUMERIC_ORDER.map((op) => ['IsNumeric', op]), ['IsString', 'StringEquals'], ...STRING_ORDER.map((op) => ['IsString', op]), ['IsBoolean', 'BooleanEquals']), path)
    .map(([Variable, [test, op], other]) => guarded(test as TypeTest, [Variable, other], { Variable, [`${op}Path`]: other })),
  fc.tuple(path, fc.constantFrom(...TYPE_TESTS)).map(([Variable, op]) => ({ Variable, [op]: true })),
)

const rule: fc.Arbitrary<Rule> = fc.letrec<{ rule: Rule }>((tie) => ({
  rule: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    comparison,
    fc.array(tie('rule'), { minLength: 1, maxLength: 3 }).map((And) => ({ And })),
    fc.array(tie('rule'), { minLength: 1, maxLength: 3 }).map((Or) => ({ Or })),
    tie('rule').map((Not) => ({ Not })),
  ),
})).rule

const target = fc.nat({ max: 20 })

/**
 * Catchers name States.ALL or this generator's own error names. Never States.TaskFailed: in a
 * Catch AWS treats it as a wildcard for every error but States.Timeout (developer guide,
 * "Handling errors in Step Functions workflows", States.TaskFailed), and dlc does; aws-local-stepfunctions
 * 3.0.0 matches it as a plain name, so a Fail state's "Oops" passes it by.
 */
const catcher: fc.Arbitrary<Catcher | null> = fc.option(
  fc.record({ errors: fc.oneof(fc.constant(['States.ALL']), fc.subarray([...ERROR_NAMES], { minLength: 1 })), target }),
  { nil: null },
)

/** What a Parallel's array result is reduced to, when it has a ResultSelector. */
const resultSelector = fc.option(fc.constantFrom({ 'first.$': '$[0]' }, { 'count.$': 'States.ArrayLength($)', all: true }, { 'items.$': '$' }), { nil: undefined })

const succeed: fc.Arbitrary<Terminal> = io.map((fields) => ({ kind: 'Succeed' as const, fields }))
const fail: fc.Arbitrary<Terminal> = fc
  .tuple(fc.constantFrom(...ERROR_NAMES), fc.constantFrom('it failed', 'bad input'))
  .map(([Error, Cause]) => ({ kind: 'Fail' as const, fields: { Error, Cause } }))
const terminal = (parameters: fc.Arbitrary<Fields>): fc.Arbitrary<Terminal> =>
  fc.oneof({ weight: 3, arbitrary: passFields(parameters).map((fields) => ({ kind: 'Pass' as const, fields })) }, succeed, fail)

/**
 * A chain; `depth` is how many Parallel/Map levels may still nest. Inside a branch or processor
 * (depth 0) Parameters do not read $$.Execution: aws-local-stepfunctions 3.0.0 runs each branch
 * and iteration as an execution of its own, whose $$.Execution.Input is the branch's or item's
 * input, where AWS's context object keeps the execution's (developer guide, "Accessing execution
 * data from the Context object in Step Functions").
 */
function chain(depth: number, maxLength: number): fc.Arbitrary<Chain> {
  const parameters = depth > 0 ? template : branchTemplate
  const bodies: Array<fc.Arbitrary<Body>> = [
    passFields(parameters).map((fields) => ({ kind: 'Pass', fields })),
    passFields(parameters).map((fields) => ({ kind: 'Pass', fields })),
    fc.record({ rules: fc.array(fc.record({ rule, target }), { minLength: 1, maxLength: 3 }), fields: io }).map(({ rules, fields }) => ({ kind: 'Choice', rules, fields })),
  ]
  if (depth > 0) {
    bodies.push(
      fc
        .record({
          branches: fc.array(chain(depth - 1, 2), { minLength: 1, maxLength: 2 }),
          fields: fc.record({ InputPath: ioPath, Parameters: fc.option(template, { nil: undefined }), ResultSelector: resultSelector, ResultPath: resultPath, OutputPath: ioPath }).map(defined),
          catcher,
        })
        .map(({ branches, fields, catcher }) => ({ kind: 'Parallel', branches, fields, catcher })),
      fc
        .record({
          processor: chain(depth - 1, 2),
          fields: fc
            .record({
              InputPath: ioPath,
              ItemsPath: fc.oneof({ weight: 4, arbitrary: fc.constantFrom('$.list', '$.fixed') }, { weight: 1, arbitrary: fc.constantFrom('$.obj', '$', '$.s', '$.missing') }),
              ItemSelector: fc.option(fc.constantFrom({ 'value.$': '$$.Map.Item.Value', 'index.$': '$$.Map.Item.Index' }, { 'a.$': '$.a', 'item.$': '$$.Map.Item.Value' }), { nil: undefined }),
              MaxConcurrency: fc.option(fc.constantFrom(0, 1, 2), { nil: undefined }),
              ResultPath: resultPath,
              OutputPath: ioPath,
            })
            .map(defined),
          catcher,
        })
        .map(({ processor, fields, catcher }) => ({ kind: 'Map', processor, fields, catcher })),
    )
  }
  return fc.record({
    body: fc.array(fc.oneof(...bodies), { maxLength }),
    last: terminal(parameters),
    exits: fc.array(fc.oneof(succeed, fail), { maxLength: 2 }),
  })
}

/** A whole machine: a chain of up to five states before its last, Parallel and Map nested once. */
export const machine: fc.Arbitrary<Record<string, unknown>> = chain(1, 5).map((spec) => build(spec, 'S'))

/** The ASL of a chain; state names carry their chain's prefix, so names are unique across branches. */
function build(spec: Chain, prefix: string): Record<string, unknown> {
  const names = [...spec.body.map((_, i) => `${prefix}${i}`), `${prefix}${spec.body.length}`]
  const exitNames = spec.exits.map((_, i) => `${prefix}x${i}`)
  const jumpedTo = new Set<string>()
  const forward = (from: number, pick: number) => {
    const candidates = [...names.slice(from + 1), ...exitNames]
    const name = candidates[pick % candidates.length] as string
    jumpedTo.add(name)
    return name
  }
  const states: Record<string, unknown> = {}
  spec.body.forEach((body, i) => {
    const next = names[i + 1] as string
    const name = names[i] as string
    switch (body.kind) {
      case 'Pass':
        states[name] = { Type: 'Pass', ...body.fields, Next: next }
        break
      case 'Choice':
        states[name] = { Type: 'Choice', ...body.fields, Choices: body.rules.map(({ rule, target }) => ({ ...rule, Next: forward(i, target) })), Default: next }
        break
      case 'Parallel':
        states[name] = {
          Type: 'Parallel',
          ...body.fields,
          Branches: body.branches.map((branch, b) => build(branch, `${name}b${b}_`)),
          ...catchField(body.catcher, (pick) => forward(i, pick)),
          Next: next,
        }
        break
      case 'Map':
        states[name] = {
          Type: 'Map',
          ...body.fields,
          ItemProcessor: { ProcessorConfig: { Mode: 'INLINE' }, ...build(body.processor, `${name}m_`) },
          ...catchField(body.catcher, (pick) => forward(i, pick)),
          Next: next,
        }
        break
    }
  })
  states[names[names.length - 1] as string] = terminalState(spec.last)
  spec.exits.forEach((exit, i) => {
    if (jumpedTo.has(exitNames[i] as string)) states[exitNames[i] as string] = terminalState(exit)
  })
  return { StartAt: names[0], States: states }
}

function catchField(catcher: Catcher | null, forward: (pick: number) => string): Fields {
  // ResultPath null: the caught state's input goes on unchanged, so the error's Cause (a
  // message each interpreter words its own way) never reaches the output being compared.
  return catcher === null ? {} : { Catch: [{ ErrorEquals: catcher.errors, ResultPath: null, Next: forward(catcher.target) }] }
}

function terminalState(terminal: Terminal): Record<string, unknown> {
  return terminal.kind === 'Pass' ? { Type: 'Pass', ...terminal.fields, End: true } : { Type: terminal.kind, ...terminal.fields }
}
