/** "Who wrote this": the current text, block by block, in spans coloured by the person who wrote them. */
import { createRoute, z } from '@hono/zod-openapi'
import { listDocumentAuthors } from '../../db/queries/authors.ts'
import { loadDocumentState } from '../../db/queries/document-state.ts'
import { authoredBlocks } from '../../domain/authorship.ts'
import { docFromUpdate } from '../../domain/document-content.ts'
import { userColor } from '../../domain/colours.ts'
import { loadReadableDocument } from '../load-document.ts'
import { errors, ok } from '../openapi.ts'
import { newRouter } from '../router.ts'
import { idParam } from '../schemas.ts'

const authorship = createRoute({
  method: 'get',
  path: '/{id}/authorship',
  tags: ['Documents'],
  summary: 'Who wrote this: the text in spans by author',
  request: { params: z.object({ id: idParam }) },
  responses: {
    200: ok(
      z.object({
        authors: z.array(z.object({ id: z.string(), displayName: z.string(), colour: z.string(), characters: z.number() })),
        blocks: z.array(z.array(z.object({ text: z.string(), authorId: z.string().nullable() }))),
      }),
    ),
    ...errors,
  },
})

export const authorshipRoutes = newRouter().openapi(authorship, async (c) => {
  const { db } = c.var.deps
  const { id } = c.req.valid('param')
  await loadReadableDocument(c, id)
  const [state, clients] = await Promise.all([loadDocumentState(db, id), listDocumentAuthors(db, id)])
  const byClient = new Map(clients.map((r) => [r.client_id, r]))
  const blocks = authoredBlocks(docFromUpdate(state)).map((spans) => spans.map((s) => ({ text: s.text, authorId: byClient.get(s.client)?.user_id ?? null })))
  const counts = new Map<string, number>()
  for (const span of blocks.flat()) if (span.authorId) counts.set(span.authorId, (counts.get(span.authorId) ?? 0) + span.text.length)
  const people = new Map(clients.map((r) => [r.user_id, r.display_name]))
  const authors = [...counts].map(([userId, characters]) => ({ id: userId, displayName: people.get(userId) ?? '', colour: userColor(userId), characters })).sort((a, b) => b.characters - a.characters)
  return c.json({ authors, blocks }, 200)
})
