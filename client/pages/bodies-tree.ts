/** The organisation as a tree: top-level bodies in a stable order of kinds, each with its programmes. */
import { BODY_KINDS } from '../../domain/roles.ts'

interface TreeInput {
  id: string
  parentId: string | null
  kind: (typeof BODY_KINDS)[number]
}

export interface TreeNode<T> {
  body: T
  children: TreeNode<T>[]
}

export function buildBodyTree<T extends TreeInput>(bodies: readonly T[]): TreeNode<T>[] {
  const byParent = new Map<string | null, T[]>()
  const ids = new Set(bodies.map((b) => b.id))
  for (const b of bodies) {
    // A programme whose parent is hidden (archived) is shown at the top level rather than lost.
    const parent = b.parentId && ids.has(b.parentId) ? b.parentId : null
    byParent.set(parent, [...(byParent.get(parent) ?? []), b])
  }
  const kindOrder = (b: T) => BODY_KINDS.indexOf(b.kind)
  const build = (parent: string | null): TreeNode<T>[] =>
    [...(byParent.get(parent) ?? [])]
      .sort((a, b) => (parent === null ? kindOrder(a) - kindOrder(b) : 0))
      .map((body) => ({ body, children: build(body.id) }))
  return build(null)
}
