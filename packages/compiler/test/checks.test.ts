import { describe, expect, it } from 'vitest'
import { checkDefinition } from '../src/index.js'

/** Code and location of each diagnostic: what the tests pin down exactly. */
function found(definition: unknown): { code: string; location: string }[] {
  return checkDefinition(definition).map(({ code, location }) => ({ code, location }))
}

const ok = { StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Succeed' } } }

describe('checkDefinition', () => {
  it('accepts a well-formed definition', () => {
    expect(checkDefinition(ok)).toEqual([])
  })

  describe('required fields', () => {
    it('reports missing StartAt and States with AWS message', () => {
      expect(checkDefinition({})).toEqual([
        { severity: 'ERROR', code: 'SCHEMA_VALIDATION_FAILED', message: 'These fields are required: [States, StartAt]', location: '/' },
      ])
      expect(found('not a definition')).toEqual([{ code: 'SCHEMA_VALIDATION_FAILED', location: '/' }])
    })

    it('reports a branch without States', () => {
      const definition = { StartAt: 'P', States: { P: { Type: 'Parallel', End: true, Branches: [{ StartAt: 'X' }] } } }
      expect(found(definition)).toEqual([{ code: 'SCHEMA_VALIDATION_FAILED', location: '/States/P/Branches/0' }])
    })
  })

  describe('transition targets', () => {
    it('reports a misspelt Next with a suggestion', () => {
      const definition = { StartAt: 'Crawl', States: { Crawl: { Type: 'Pass', Next: 'Querry' }, Query: { Type: 'Succeed' } } }
      const [first] = checkDefinition(definition)
      expect(first).toEqual({
        severity: 'ERROR',
        code: 'MISSING_TRANSITION_TARGET',
        message: "Missing 'Next' target: Querry",
        location: '/States/Crawl/Next',
        hint: 'Did you mean "Query"?',
      })
    })

    it('counts swapped neighbouring letters as one edit when suggesting', () => {
      const definition = { StartAt: 'Score', States: { Score: { Type: 'Pass', Next: 'Scroe' }, Store: { Type: 'Succeed' } } }
      expect(checkDefinition(definition)[0]).toMatchObject({ location: '/States/Score/Next', hint: 'Did you mean "Score"?' })
    })

    it('reports StartAt, Default, Choices and Catch targets, escaping the pointer', () => {
      const definition = {
        StartAt: 'Nope',
        States: {
          'a/b~c': {
            Type: 'Choice',
            Choices: [{ Variable: '$.x', IsPresent: true, Next: 'Gone' }],
            Default: 'Lost',
          },
          T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Away' }], End: true },
        },
      }
      expect(found(definition).filter(({ code }) => code === 'MISSING_TRANSITION_TARGET')).toEqual([
        { code: 'MISSING_TRANSITION_TARGET', location: '/StartAt' },
        { code: 'MISSING_TRANSITION_TARGET', location: '/States/a~1b~0c/Default' },
        { code: 'MISSING_TRANSITION_TARGET', location: '/States/a~1b~0c/Choices/0/Next' },
        { code: 'MISSING_TRANSITION_TARGET', location: '/States/T/Catch/0/Next' },
      ])
    })

    it('does not let a branch state transition out of its branch', () => {
      const definition = {
        StartAt: 'P',
        States: {
          P: { Type: 'Parallel', Next: 'After', Branches: [{ StartAt: 'In', States: { In: { Type: 'Pass', Next: 'After' } } }] },
          After: { Type: 'Succeed' },
        },
      }
      const diagnostics = checkDefinition(definition).filter(({ code }) => code === 'MISSING_TRANSITION_TARGET')
      expect(diagnostics.map(({ location }) => location)).toEqual(['/States/P/Branches/0/States/In/Next'])
      expect(diagnostics[0]?.hint).toContain('/States/After, in another scope')
    })
  })

  describe('unreachable states', () => {
    it('reports a state nothing leads to, as AWS does', () => {
      const definition = { StartAt: 'A', States: { A: { Type: 'Succeed' }, Orphan: { Type: 'Pass', End: true } } }
      expect(checkDefinition(definition)).toMatchObject([
        { code: 'MISSING_TRANSITION_TARGET', message: 'State "Orphan" is not reachable.', location: '/States/Orphan' },
      ])
    })

    it('follows cycles, Choices, Default and Catch, and checks each Map processor on its own', () => {
      const definition = {
        StartAt: 'Poll',
        States: {
          Poll: { Type: 'Task', Resource: 'arn:aws:states:::glue:getCrawler', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Failed' }], Next: 'Ready?' },
          'Ready?': { Type: 'Choice', Choices: [{ Variable: '$.ready', BooleanEquals: true, Next: 'Each' }], Default: 'Wait' },
          Wait: { Type: 'Wait', Seconds: 30, Next: 'Poll' },
          Each: {
            Type: 'Map',
            End: true,
            ItemProcessor: { StartAt: 'Row', States: { Row: { Type: 'Pass', End: true }, Stray: { Type: 'Pass', End: true } } },
          },
          Failed: { Type: 'Fail' },
        },
      }
      expect(found(definition)).toEqual([{ code: 'MISSING_TRANSITION_TARGET', location: '/States/Each/ItemProcessor/States/Stray' }])
    })
  })

  describe('end states', () => {
    it('reports a scope with no terminal state, and no unreachable states in it', () => {
      const definition = { StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Pass', Next: 'A' }, C: { Type: 'Pass', Next: 'A' } } }
      expect(found(definition)).toEqual([{ code: 'MISSING_END_STATE', location: '/' }])
    })

    it('does not count a Choice with End as terminal', () => {
      const definition = { StartAt: 'C', States: { C: { Type: 'Choice', End: true, Choices: [{ Variable: '$.x', IsNull: true, Next: 'C' }] } } }
      expect(found(definition)).toEqual([{ code: 'MISSING_END_STATE', location: '/' }])
    })

    it('reports it after the dangling targets, as AWS orders them', () => {
      expect(found({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'NOPE' } } })).toEqual([
        { code: 'MISSING_TRANSITION_TARGET', location: '/States/A/Next' },
        { code: 'MISSING_END_STATE', location: '/' },
      ])
    })
  })

  describe('duplicate state names', () => {
    it('reports a name used again in a nested scope', () => {
      const definition = {
        StartAt: 'Load',
        States: {
          Load: { Type: 'Map', End: true, ItemProcessor: { StartAt: 'Load', States: { Load: { Type: 'Succeed' } } } },
        },
      }
      expect(checkDefinition(definition)).toMatchObject([
        { code: 'DUPLICATE_STATE_NAME', location: '/States/Load/ItemProcessor/States/Load', message: 'Duplicate State name: "Load" is also defined at /States/Load' },
      ])
    })

    it('accepts the same name nowhere else', () => {
      const definition = {
        StartAt: 'Fan',
        States: {
          Fan: {
            Type: 'Parallel',
            End: true,
            Branches: [
              { StartAt: 'Left', States: { Left: { Type: 'Succeed' } } },
              { StartAt: 'Right', States: { Right: { Type: 'Succeed' } } },
            ],
          },
        },
      }
      expect(checkDefinition(definition)).toEqual([])
    })
  })

  describe('query language', () => {
    it('reports a JSONPath state in a JSONata machine with AWS message and location', () => {
      const definition = { QueryLanguage: 'JSONata', StartAt: 'Pass', States: { Pass: { Type: 'Pass', End: true, QueryLanguage: 'JSONPath' } } }
      expect(checkDefinition(definition)).toMatchObject([
        {
          code: 'SCHEMA_VALIDATION_FAILED',
          message: "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine",
          location: '/States/Pass',
        },
      ])
    })

    it('accepts a JSONata state in a JSONPath machine, and a JSONPath state nested in it', () => {
      const definition = {
        StartAt: 'Map',
        QueryLanguage: 'JSONPath',
        States: {
          Map: {
            Type: 'Map',
            QueryLanguage: 'JSONata',
            Items: '{% $states.input %}',
            ItemProcessor: { StartAt: 'Pass', States: { Pass: { QueryLanguage: 'JSONPath', Type: 'Pass', Parameters: { 'a.$': '$' }, End: true } } },
            End: true,
          },
        },
      }
      expect(checkDefinition(definition)).toEqual([])
    })

    it('reports JSONPath-only fields in a JSONata state and names the JSONata field to use', () => {
      const definition = {
        QueryLanguage: 'JSONata',
        StartAt: 'Load',
        States: {
          Load: {
            Type: 'Task',
            Resource: 'arn:aws:states:::lambda:invoke',
            Parameters: { 'Payload.$': '$' },
            ResultPath: '$.load',
            Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Done' }],
            Next: 'Done',
          },
          Done: { Type: 'Succeed' },
        },
      }
      const diagnostics = checkDefinition(definition)
      expect(diagnostics.map(({ code, location }) => ({ code, location }))).toEqual([
        { code: 'SCHEMA_VALIDATION_FAILED', location: '/States/Load/Parameters' },
        { code: 'SCHEMA_VALIDATION_FAILED', location: '/States/Load/ResultPath' },
        { code: 'SCHEMA_VALIDATION_FAILED', location: '/States/Load/Catch/0/ResultPath' },
      ])
      expect(diagnostics[0]).toMatchObject({
        message: "Field 'Parameters' is not supported in a JSONata state: it is JSONPath only",
        hint: "Use 'Arguments' with {% %} JSONata expressions instead",
      })
    })

    it('reports JSONata-only fields in a JSONPath state, Map reader and choice rules included', () => {
      const definition = {
        StartAt: 'Route',
        States: {
          Route: { Type: 'Choice', Choices: [{ Condition: '{% true %}', Next: 'Files' }], Default: 'Files' },
          Files: {
            Type: 'Map',
            ItemReader: { Resource: 'arn:aws:states:::s3:listObjectsV2', Arguments: { Bucket: 'b' } },
            ItemProcessor: {
              ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
              StartAt: 'Each',
              States: { Each: { Type: 'Pass', Output: 1, End: true } },
            },
            End: true,
          },
        },
      }
      const diagnostics = checkDefinition(definition)
      expect(diagnostics.map(({ location }) => location)).toEqual([
        '/States/Route/Choices/0/Condition',
        '/States/Files/ItemReader/Arguments',
        '/States/Files/ItemProcessor/States/Each/Output',
      ])
      expect(diagnostics[1]?.hint).toBe(`Use 'Parameters' instead, or set "QueryLanguage": "JSONata" on the state`)
    })

    it('treats Pass.Result as JSONPath only', () => {
      const definition = { QueryLanguage: 'JSONata', StartAt: 'P', States: { P: { Type: 'Pass', Result: 1, End: true } } }
      expect(found(definition)).toEqual([{ code: 'SCHEMA_VALIDATION_FAILED', location: '/States/P/Result' }])
    })
  })
})
