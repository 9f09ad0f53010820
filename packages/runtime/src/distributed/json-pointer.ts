const MISSING = Symbol('missing')

/**
 * Follows a JSON Pointer (RFC 6901): `''` is the whole document, `/a/0` the first element of
 * `a`, `~1` stands for `/` and `~0` for `~` inside a name. Returns `undefined` when the pointer
 * leads nowhere.
 *
 * @example selectPointer({ inventory: { products: [1, 2] } }, '/inventory/products') // [1, 2]
 */
export function selectPointer(document: unknown, pointer: string): unknown {
  if (pointer === '') return document
  if (!pointer.startsWith('/')) return undefined
  let node: unknown = document
  for (const raw of pointer.slice(1).split('/')) {
    const token = raw.replaceAll('~1', '/').replaceAll('~0', '~')
    node = step(node, token)
    if (node === MISSING) return undefined
  }
  return node
}

function step(node: unknown, token: string): unknown {
  if (Array.isArray(node)) return /^(0|[1-9]\d*)$/.test(token) && Number(token) < node.length ? node[Number(token)] : MISSING
  if (typeof node === 'object' && node !== null && Object.hasOwn(node, token)) return (node as Record<string, unknown>)[token]
  return MISSING
}
