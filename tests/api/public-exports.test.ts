/**
 * The public exports of a text a member wrote over the collab socket (any Yjs update, not only what the
 * editor produces): frozen, agreed and published the way the hub does it, then read back as a reader
 * would. The HTML keeps no attribute of the writer's on a link, the certified Markdown holds no live
 * markup, and the DOCX is well-formed XML whatever characters the text or the title held.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { collabClient, waitUntil } from '../helpers/collab-client.ts'
import { freeze, makeDocument } from '../helpers/documents.ts'
import { startTestHub, type TestHub } from '../helpers/hub.ts'
import { isWellFormedXml, zipEntry } from '../helpers/docx.ts'

let hub: TestHub
let member: Awaited<ReturnType<TestHub['makeUser']>>
beforeAll(async () => {
  hub = await startTestHub()
  member = await hub.makeUser()
  await hub.addMember('data', member.id, 'member')
})
afterAll(() => hub.close())

/** A draft whose text `write` puts in over the collab socket, then frozen, agreed and published. */
async function publishWritten(write: (fragment: Y.XmlFragment) => void, title: string): Promise<string> {
  const { id } = await makeDocument(hub, { body: 'data', state: 'draft', createdBy: member.id, title })
  const c = collabClient(hub, id, member.cookie)
  await c.synced()
  c.doc.transact(() => write(c.doc.getXmlFragment('default')))
  const { db } = hub.conn
  await waitUntil(async () => (await db.selectFrom('document_updates').selectAll().where('document_id', '=', id).execute()).length > 0, 5000, 'update stored')
  c.destroy()
  await freeze(hub, id, 'published', member.id) // the lifecycle, tested elsewhere
  return (await db.selectFrom('publications').select('slug').where('document_id', '=', id).executeTakeFirstOrThrow()).slug
}

function paragraph(fragment: Y.XmlFragment, fill: (t: Y.XmlText) => void): void {
  const p = new Y.XmlElement('paragraph')
  const t = new Y.XmlText()
  p.insert(0, [t])
  fragment.push([p])
  fill(t)
}

describe('the exports of a text written over the collab socket', () => {
  let slug: string
  beforeAll(async () => {
    slug = await publishWritten((f) => {
      paragraph(f, (t) => t.insert(0, 'Ordinary looking sentence.', { link: { href: 'https://evil.example/phish', class: 'dialog-positioner', rel: 'opener', target: '_self' } }))
      paragraph(f, (t) => t.insert(0, 'Read the annex', { link: { href: 'javascript:alert(document.domain)' } }))
      paragraph(f, (t) => t.insert(0, 'x` <img src=x onerror=alert(1)> `y', { code: {} }))
      const block = new Y.XmlElement('codeBlock')
      block.setAttribute('language', 'js\n<script>alert(3)</script>')
      block.insert(0, [new Y.XmlText('a\n```\n<script>alert(2)</script>\n```\nb')])
      f.push([block])
      paragraph(f, (t) => t.insert(0, 'text <img src=x onerror=alert(4)> and noncharacter \uFFFF here'))
    }, 'Exports of a crafted text')
  })

  it('publishes a link with the hub\'s rel and target and no class of the writer\'s', async () => {
    const page = await (await fetch(`${hub.url}/p/${slug}`)).text()
    expect(page).toContain('<a target="_blank" rel="noopener noreferrer nofollow" href="https://evil.example/phish">Ordinary looking sentence.</a>')
    expect(page).not.toMatch(/dialog-positioner|opener"|_self|javascript:|language-/)
  })

  it('serves Markdown in which no code, link or text becomes markup', async () => {
    const md = await (await fetch(`${hub.url}/p/${slug}/1/download.md`)).text()
    expect(md).toBe(
      [
        '[Ordinary looking sentence.](https://evil.example/phish)',
        'Read the annex',
        '``x` <img src=x onerror=alert(1)> `y``',
        '````\na\n```\n<script>alert(2)</script>\n```\nb\n````',
        'text &lt;img src=x onerror=alert(4)&gt; and noncharacter  here',
      ].join('\n\n'),
    )
  })

  it('serves a DOCX whose document is well-formed XML', async () => {
    const docx = Buffer.from(await (await fetch(`${hub.url}/p/${slug}/1/download.docx`)).arrayBuffer())
    const xml = zipEntry(docx, 'word/document.xml').toString('utf8')
    expect(isWellFormedXml(xml)).toBe(true)
    expect(xml).toContain('and noncharacter  here')
  })
})

describe('characters XML refuses in titles', () => {
  it('refuses a title holding U+FFFF or U+FFFE with 400', async () => {
    const chair = await hub.makeUser()
    await hub.addMember('data', chair.id, 'chair')
    const create = (titleEn: string) => hub.request('POST', '/api/bodies/data/documents', { cookie: chair.cookie, json: { kind: 'proposal', titleEn, titleZh: '数据', language: 'en' } })
    expect((await create('Data flows')).status).toBe(201)
    for (const titleEn of ['Data\uFFFF flows', 'Data\uFFFE flows']) {
      const res = await create(titleEn)
      expect(res.status).toBe(400)
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_request')
    }
  })

  it('still gives a well-formed DOCX for a title stored with one (before titles were checked)', async () => {
    const slug = await publishWritten((f) => paragraph(f, (t) => t.insert(0, 'Body.')), 'Stored title \uFFFF here')
    const docx = Buffer.from(await (await fetch(`${hub.url}/p/${slug}/1/download.docx`)).arrayBuffer())
    for (const part of ['word/document.xml', 'docProps/core.xml']) {
      const xml = zipEntry(docx, part).toString('utf8')
      expect(isWellFormedXml(xml)).toBe(true)
      expect(xml).toContain('Stored title  here')
    }
  })
})
