/** Chairs of a committee reach into its programmes, and no other parent gives its chairs that power. */
import { describe, expect, it } from 'vitest'
import { assertBodyPlacement } from '../../domain/body-rules.ts'
import { HubError } from '../../domain/errors.ts'
import { can, chairs, documentAccess, type Actor, type BodySubject } from '../../domain/permissions.ts'
import type { BodyKind } from '../../domain/roles.ts'

const parentChair: Actor = { userId: 'p', isSecretariat: false, roles: new Map([['parent', 'chair']]) }
const child = (parentKind: BodyKind): BodySubject => ({ id: 'child', parentId: 'parent', parentKind, archived: false })

describe('chairs of the parent body', () => {
  it('chairs of a committee manage its programmes and read their drafts', () => {
    expect(chairs(parentChair, child('committee'))).toBe(true)
    expect(can(parentChair, 'body.manage_members', { body: child('committee') })).toBe(true)
    expect(documentAccess(parentChair, { body: child('committee'), state: 'draft' })).toBe('read')
  })

  it.each(['organ', 'secretariat', 'working_group', 'programme'] as const)('chairs of a parent of kind %s get nothing in the child', (kind) => {
    expect(chairs(parentChair, child(kind))).toBe(false)
    expect(can(parentChair, 'body.manage_members', { body: child(kind) })).toBe(false)
    expect(documentAccess(parentChair, { body: child(kind), state: 'draft' })).toBe('none')
  })
})

describe('where a body may sit', () => {
  const code = (kind: BodyKind, parent: BodyKind | null) => {
    try {
      assertBodyPlacement(kind, parent)
      return 'ok'
    } catch (err) {
      return err instanceof HubError ? `${err.status} ${err.code}` : String(err)
    }
  }

  it('a programme sits under a committee or stands alone', () => {
    expect(code('programme', 'committee')).toBe('ok')
    expect(code('programme', null)).toBe('ok')
    for (const parent of ['organ', 'secretariat', 'working_group', 'programme'] as const) expect(code('programme', parent)).toBe('400 parent_not_committee')
  })

  it('no other kind has a parent', () => {
    for (const kind of ['organ', 'secretariat', 'committee', 'working_group'] as const) {
      expect(code(kind, null)).toBe('ok')
      expect(code(kind, 'committee')).toBe('400 parent_not_allowed')
    }
  })
})
