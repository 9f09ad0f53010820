/**
 * aws-local-stepfunctions 3.0.0 declares Node >= 22; dlc stays on Node 20. The one Node 22 API
 * it calls is `Promise.withResolvers` (a Task state's timeout), so that is all this adds, and
 * only where Node lacks it. Import this module before aws-local-stepfunctions.
 */
interface Resolvers<T> {
  promise: Promise<T>
  resolve: (value: T | PromiseLike<T>) => void
  reject: (reason?: unknown) => void
}

const promiseConstructor = Promise as unknown as { withResolvers?: <T>() => Resolvers<T> }

if (typeof promiseConstructor.withResolvers !== 'function') {
  promiseConstructor.withResolvers = function withResolvers<T>(): Resolvers<T> {
    let resolve!: Resolvers<T>['resolve']
    let reject!: Resolvers<T>['reject']
    const promise = new Promise<T>((settle, fail) => {
      resolve = settle
      reject = fail
    })
    return { promise, resolve, reject }
  }
}
