import { describe, expect, it } from 'vitest'
import { isReferencePath, parsePath, PathSyntaxError } from '../../src/jsonpath/index.js'

function syntaxError(text: string): PathSyntaxError {
  try {
    parsePath(text)
  } catch (error) {
    if (error instanceof PathSyntaxError) return error
    throw error
  }
  throw new Error(`${text} parsed`)
}

describe('parsePath', () => {
  it('reads the three roots', () => {
    expect(parsePath('$').root).toEqual({ kind: 'input' })
    expect(parsePath('$$.Execution.Id').root).toEqual({ kind: 'context' })
    expect(parsePath('$batchDate.day').root).toEqual({ kind: 'variable', name: 'batchDate' })
    expect(parsePath('$_x1').root).toEqual({ kind: 'variable', name: '_x1' })
  })

  it('reads each kind of step, with where it starts', () => {
    expect(parsePath("$.a['b c'][0][-1][1,2][1:3][:2][-2:][*].*..d..*..[0]").steps).toEqual([
      { kind: 'name', name: 'a', at: 2 },
      { kind: 'name', name: 'b c', at: 3 },
      { kind: 'index', index: 0, at: 10 },
      { kind: 'index', index: -1, at: 13 },
      { kind: 'indexes', indexes: [1, 2], at: 17 },
      { kind: 'slice', from: 1, to: 3, at: 22 },
      { kind: 'slice', from: undefined, to: 2, at: 27 },
      { kind: 'slice', from: -2, to: undefined, at: 31 },
      { kind: 'wildcard', at: 36 },
      { kind: 'wildcard', at: 40 },
      { kind: 'descendants', at: 41 },
      { kind: 'name', name: 'd', at: 43 },
      { kind: 'descendants', at: 44 },
      { kind: 'wildcard', at: 46 },
      { kind: 'descendants', at: 47 },
      { kind: 'index', index: 0, at: 49 },
    ])
  })

  it('reads quoted names with escapes, either quote, and spaces inside the brackets', () => {
    expect(parsePath("$['it\\'s', \"a\\\"b\", 'x\\u0041']").steps).toEqual([{ kind: 'names', names: ["it's", 'a"b', 'xA'], at: 1 }])
    expect(parsePath('$[ 0 , 1 ][ * ][ "k" ]').steps.map((step) => step.kind)).toEqual(['indexes', 'wildcard', 'name'])
  })

  it('reads a dot name up to the next . [ or ( as Jayway does', () => {
    expect(parsePath('$.delivery-partner.a:b$c').steps).toEqual([
      { kind: 'name', name: 'delivery-partner', at: 2 },
      { kind: 'name', name: 'a:b$c', at: 19 },
    ])
  })

  it('parses a filter into its tests', () => {
    const [step] = parsePath("$[?(@.a > 1 && !@.b || @.c == 'x')]").steps
    expect(step?.kind).toBe('filter')
    expect(step?.kind === 'filter' && step.filter).toMatchObject({
      kind: 'and',
      operands: [
        { kind: 'compare', operator: '>', left: { kind: 'path', from: 'item', text: '@.a' }, right: { kind: 'literal', value: { type: 'number', value: 1 } } },
        { kind: 'or', operands: [{ kind: 'exists', negated: true, operand: { text: '@.b' } }, { kind: 'compare', operator: '==' }] },
      ],
    })
  })

  it('tells definite paths from indefinite ones', () => {
    expect(parsePath("$.a[0]['b'].c").definite).toBe(true)
    expect(parsePath("$.a['b','c']").definite).toBe(true)
    expect(parsePath("$.a['b','c'].d").definite).toBe(false)
    for (const path of ['$.a[*]', '$.a[0,1]', '$.a[0:1]', '$..a', '$.a[?(@.b)]', '$.*']) expect(parsePath(path).definite).toBe(false)
  })

  it('caches: the same text gives the same frozen path', () => {
    const path = parsePath('$.cached.path[0]')
    expect(parsePath('$.cached.path[0]')).toBe(path)
    expect(Object.isFrozen(path)).toBe(true)
    expect(Object.isFrozen(path.steps)).toBe(true)
    expect(Object.isFrozen(path.steps[0])).toBe(true)
  })
})

describe('PathSyntaxError says what is wrong and at which character', () => {
  it.each([
    ['', "a path starts with '$'", 1],
    ['a.b', "a path starts with '$'", 1],
    ['$.', "a path cannot end with '.'", 2],
    ['$.a.', "a path cannot end with '.'", 4],
    ['$..', "'..' must be followed by a name, '*' or '[...]'", 2],
    ['$...a', "'...' is not valid: '..' selects descendants", 4],
    ['$a-b', "expected '.' or '[' before '-'", 3],
    ['$.a b', "a field name cannot contain spaces: write it as ['my field']", 4],
    ['$[', "expected an index, a quoted name, '*' or a filter after '['", 3],
    ['$[0', "expected ']' to close the '[' at character 2", 4],
    ["$['a", 'unclosed single quote', 3],
    ["$['a',]", 'expected a quoted name', 7],
    ['$[x]', "expected an index, a quoted name, '*' or a filter after '['", 3],
    ['$[0,]', "expected an index after ','", 5],
    ['$[:]', 'a slice needs a start, an end or both, as in [1:3]', 2],
    ['$[0:10:2]', 'slice steps such as [0:10:2] are not supported', 7],
    ['$[99999999999]', 'the index 99999999999 is out of range', 3],
    ['$[(@.length-1)]', 'script expressions such as [(@.length-1)] are not supported; [-1] selects the last item', 3],
    ['$[?@.a]', 'a filter is written [?(...)]', 4],
    ['$[?(@.a]', "unclosed '(' at character 4", 9],
    ['$[?(@.a > )]', 'expected a value: a path (@ or $), a quoted string, a number, true, false, null, [...], {...} or /regex/', 11],
    ['$[?(@.a === 1)]', "'===' is not a filter operator; use one of ==, !=, <, <=, >, >=, =~, in, nin, subsetof, anyof, noneof, size, empty", 9],
    ['$[?(@.a contains 1)]', "'contains' is not a filter operator; use one of ==, !=, <, <=, >, >=, =~, in, nin, subsetof, anyof, noneof, size, empty", 9],
    ['$[?(1)]', 'a filter test is a comparison, or a path that must exist', 5],
    ['$[?(!(@.a == 1))]', "'!' can only negate an existence test such as !@.isbn: AWS's engine ignores it anywhere else", 5],
    ['$[?(!@.a == 1)]', "'!' can only negate an existence test such as !@.isbn, not a comparison", 5],
    ['$[?(@.a&&@.b)]', "write spaces around '&&' and '||': without them AWS reads them as part of the field name", 8],
    ['$[?(@.a == $$.b)]', "inside a filter '$' is the document being read: '$$' and variables cannot be used there", 12],
    ['$[?(@.a == /x)]', 'unclosed regular expression', 12],
    ["$[?(@.a in ['x')]", "expected ',' or ']' in the array", 16],
    ['$[?(@.a == 1 && (@.b == 2)]', "expected '&&', '||' or ')'", 27],
    ['$.length(1)', 'path functions take no arguments here', 9],
    ['$.a.length().b', 'a path function such as length() must end the path', 13],
  ])('%s', (text, problem, position) => {
    const error = syntaxError(text)
    expect(error.problem).toBe(problem)
    expect(error.position).toBe(position)
    expect(error.message).toBe(`'${text}' is not a valid JSONPath: ${problem} (at character ${position})`)
  })

  it('names the regular expression that does not compile', () => {
    const error = syntaxError('$[?(@.a =~ /(/)]')
    expect(error.problem).toMatch(/^\/\(\/ is not a valid regular expression: \w/)
    expect(error.position).toBe(12)
  })
})

describe('isReferencePath', () => {
  it.each(['$', '$.a', "$['a b'][0]", '$.a[-1].b', '$$.Execution.Input', '$myVariable.items[2]'])('%s is one', (path) => {
    expect(isReferencePath(path)).toBe(true)
  })

  it.each(['$.a[*]', '$.a[0,1]', '$.a[0:2]', "$['a','b']", '$..a', '$.a[?(@.b)]', '$.*', '$.a.length()', '$.a[', 'a'])('%s is not', (path) => {
    expect(isReferencePath(path)).toBe(false)
  })
})
