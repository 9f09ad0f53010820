import { jsonPointer, type Diagnostic } from '../diagnostics.js'
import type { Path, Scope } from './context.js'
import { didYouMean } from '@dlc/dsl'
import type { CheckRule } from './rule.js'

const code = 'MISSING_TRANSITION_TARGET'

/**
 * `StartAt`, `Next`, `Default`, `Choices[].Next` and `Catch[].Next` must name a state of the
 * same scope: no transition enters or leaves a Parallel branch or a Map's ItemProcessor.
 * AWS says `'Next'` whichever field holds the target; so do we.
 */
export const transitionTargets: CheckRule = {
  code,
  check(_definition, context) {
    const missing = (field: string, target: string, scope: Scope, path: Path): Diagnostic => {
      const elsewhere = context.states.find((state) => state.name === target)?.path
      const suggestion = didYouMean(target, scope.states.keys())
      const hint =
        elsewhere !== undefined
          ? `"${target}" is at ${jsonPointer(elsewhere)}, in another scope: a transition cannot enter or leave a Parallel branch or a Map's ItemProcessor`
          : suggestion !== undefined
            ? `Did you mean "${suggestion}"?`
            : undefined
      return {
        severity: 'ERROR',
        code,
        message: `Missing '${field}' target: ${target}`,
        location: jsonPointer(path),
        ...(hint === undefined ? {} : { hint }),
      }
    }

    const out: Diagnostic[] = []
    for (const scope of context.scopes) {
      // A scope without States is already a schema error; every StartAt would dangle.
      if (typeof scope.startAt === 'string' && 'States' in scope.value && !scope.states.has(scope.startAt)) {
        out.push(missing('StartAt', scope.startAt, scope, [...scope.path, 'StartAt']))
      }
      for (const state of scope.states.values()) {
        for (const { target, field: at } of state.transitions) {
          if (!scope.states.has(target)) out.push(missing('Next', target, scope, [...state.path, ...at]))
        }
      }
    }
    return out
  },
}
