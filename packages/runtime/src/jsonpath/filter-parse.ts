import type { Cursor } from './cursor.js'
import { readLiteral } from './filter-literals.js'
import { frozen, type FilterExpression, type FilterOperand, type RelationalOperator } from './nodes.js'
import { readSteps } from './parse.js'

type PathOperand = Extract<FilterOperand, { kind: 'path' }>
type Token = '(' | ')' | 'and' | 'or' | FilterExpression

const SYMBOLS = new Set(['<', '>', '=', '~', '!'])
const OPERATORS: ReadonlyMap<string, RelationalOperator> = new Map(
  (['==', '!=', '<', '<=', '>', '>=', '=~', 'in', 'nin', 'subsetof', 'anyof', 'noneof', 'size', 'empty'] as const).map((operator) => [operator, operator]),
)

/**
 * Reads a filter's `( ... )` at the cursor. `&&` and `||` group as Jayway groups them: at each
 * `)`, every pending operator folds from the right, so `a && b || c` is `a && (b || c)`; and
 * the tests of a group are tried in Jayway's order.
 *
 * @example readFilter(new Cursor('(@.price < 10)')) // { kind: 'compare', operator: '<', ... }
 */
export function readFilter(cursor: Cursor): FilterExpression {
  const tokens: Token[] = []
  new FilterReader(cursor, tokens).group()
  return fold(tokens)
}

function fold(tokens: readonly Token[]): FilterExpression {
  const operators: ('and' | 'or')[] = []
  const expressions: FilterExpression[] = []
  const pop = (): FilterExpression => {
    const expression = expressions.pop()
    if (expression === undefined) throw new Error('unbalanced filter: the reader let through what Jayway could not fold')
    return expression
  }
  for (const token of tokens) {
    if (token === '(') continue
    if (token === 'and' || token === 'or') {
      operators.push(token)
      continue
    }
    if (token !== ')') {
      expressions.push(token)
      continue
    }
    let expression = pop()
    for (let operator = operators.pop(); operator !== undefined; operator = operators.pop()) expression = combine(expression, operator, pop())
    expressions.push(expression)
  }
  return pop()
}

/** Jayway's ExpressionNode.createExpressionNode: a later test joins an earlier chain of the same operator at its front. */
function combine(later: FilterExpression, operator: 'and' | 'or', earlier: FilterExpression): FilterExpression {
  const operands = earlier.kind === operator ? [later, ...earlier.operands] : [earlier, later]
  return frozen<FilterExpression>({ kind: operator, operands })
}

/** Checks the filter's grammar as it reads, so a malformed filter fails here with its position. */
class FilterReader {
  constructor(
    private readonly cursor: Cursor,
    private readonly tokens: Token[],
  ) {}

  group(): void {
    const cursor: Cursor = this.cursor
    const open = cursor.at
    cursor.at++
    this.tokens.push('(')
    this.sequence()
    cursor.skipSpaces()
    if (cursor.done) cursor.fail(`unclosed '(' at character ${open + 1}`)
    if (cursor.char() !== ')') cursor.fail("expected '&&', '||' or ')'")
    cursor.at++
    this.tokens.push(')')
  }

  private sequence(): void {
    const cursor: Cursor = this.cursor
    this.term()
    for (;;) {
      cursor.skipSpaces()
      if (cursor.startsWith('&&')) this.tokens.push('and')
      else if (cursor.startsWith('||')) this.tokens.push('or')
      else return
      cursor.at += 2
      this.term()
    }
  }

  private term(): void {
    const cursor: Cursor = this.cursor
    cursor.skipSpaces()
    if (cursor.char() === '(') return this.group()
    if (cursor.char() === '!') return this.negation()
    this.test()
  }

  /** Jayway negates only an existence test (`!@.isbn`); before anything else it skips the `!`. */
  private negation(): void {
    const cursor: Cursor = this.cursor
    const at = cursor.at
    cursor.at++
    cursor.skipSpaces()
    if (cursor.char() !== '@' && cursor.char() !== '$') cursor.fail("'!' can only negate an existence test such as !@.isbn: AWS's engine ignores it anywhere else", at)
    const operand = this.path()
    if (!this.ended()) cursor.fail("'!' can only negate an existence test such as !@.isbn, not a comparison", at)
    this.tokens.push(frozen<FilterExpression>({ kind: 'exists', operand, negated: true }))
  }

  private test(): void {
    const cursor: Cursor = this.cursor
    const start = cursor.at
    const left = this.operand()
    if (this.ended()) {
      if (left.kind !== 'path') cursor.fail('a filter test is a comparison, or a path that must exist', start)
      this.tokens.push(frozen<FilterExpression>({ kind: 'exists', operand: left, negated: false }))
      return
    }
    const operator = this.operator()
    const right = this.operand()
    this.tokens.push(frozen<FilterExpression>({ kind: 'compare', operator, left, right }))
  }

  private ended(): boolean {
    const cursor: Cursor = this.cursor
    cursor.skipSpaces()
    return cursor.done || cursor.char() === ')' || cursor.startsWith('&&') || cursor.startsWith('||')
  }

  /** A symbol operator (`==`, `<=`, `=~`, ...) or a word ended by a space (`in`, `nin`, `size`, ...), as Jayway reads them. */
  private operator(): RelationalOperator {
    const cursor: Cursor = this.cursor
    cursor.skipSpaces()
    const start = cursor.at
    if (SYMBOLS.has(cursor.char() ?? '')) while (SYMBOLS.has(cursor.char() ?? '')) cursor.at++
    else while (!cursor.done && !cursor.isSpace()) cursor.at++
    const text = cursor.text.slice(start, cursor.at)
    const operator = OPERATORS.get(SYMBOLS.has(text[0] ?? '') ? text : text.toLowerCase())
    if (operator === undefined) cursor.fail(`'${text}' is not a filter operator; use one of ${[...OPERATORS.keys()].join(', ')}`, start)
    return operator
  }

  private operand(): FilterOperand {
    const cursor: Cursor = this.cursor
    cursor.skipSpaces()
    if (cursor.char() === '@' || cursor.char() === '$') return this.path()
    return frozen({ kind: 'literal', value: readLiteral(cursor) })
  }

  private path(): PathOperand {
    const cursor: Cursor = this.cursor
    const start = cursor.at
    const from = cursor.char() === '@' ? 'item' : 'document'
    cursor.at++
    if (from === 'document' && /[$A-Za-z_]/.test(cursor.char() ?? '')) cursor.fail("inside a filter '$' is the document being read: '$$' and variables cannot be used there", start)
    const next = cursor.char()
    const pathGoesOn = next === undefined || next === '.' || next === '[' || next === ')' || SYMBOLS.has(next) || cursor.isSpace() || cursor.startsWith('&&') || cursor.startsWith('||')
    if (!pathGoesOn) cursor.fail(`expected '.' or '[' after '${from === 'item' ? '@' : '$'}'`)
    const selector = readSteps(cursor, 'filter')
    return frozen({ kind: 'path', from, text: cursor.text.slice(start, cursor.at), selector })
  }
}
