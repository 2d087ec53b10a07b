/**
 * Everything the server can say to a person has words in both languages: every error code thrown in api/,
 * domain/, db/ and collab/ has a sentence in the errors dictionary, and every audit action written with
 * recordAudit has an activity sentence. The codes and actions are found by reading the server's sources, so
 * a new one that nobody translated fails here instead of reaching a Chinese reader as a raw code or English
 * text.
 * Codes built at runtime (not a string literal) must be listed in DYNAMIC_* with what they can be.
 */
import fs from 'node:fs'
import path from 'node:path'
import { resolveTemplate, translator } from '@solid-primitives/i18n'
import { describe, expect, test } from 'vitest'
import { TRANSITIONS } from '../../domain/lifecycle.ts'
import { ApiError } from '../../client/http/client.ts'
import { dictionaryFor } from '../../client/i18n/dictionary.ts'
import { describeActivity } from '../../client/pages/activity.ts'
import { activityEn, activityTranslator, activityZh } from '../../client/pages/activity-i18n.ts'
import { FEED_FACTS } from '../../domain/activity-feed.ts'
import { flatWorkflowEn, flatWorkflowZh } from '../../client/pages/document/workflow-i18n.ts'
import { errorMessage } from '../../client/ui/errors.ts'

const ROOT = path.resolve(import.meta.dirname, '../..')

function sources(dir: string): { file: string; text: string }[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)))
    .filter((file) => !file.includes('/migrations/'))
    .map((file) => ({ file, text: fs.readFileSync(path.join(ROOT, file), 'utf8') }))
}
const server = [...sources('api'), ...sources('domain'), ...sources('db'), ...sources('collab')]

/** The source text of the argument that starts at `from`, up to the comma or bracket that ends it. */
function argumentAt(text: string, from: number): string {
  let depth = 0
  let quote: string | null = null
  for (let i = from; i < text.length; i++) {
    const ch = text[i]
    if (quote) {
      if (ch === '\\') i++
      else if (ch === quote) quote = null
      continue
    }
    if (ch === "'" || ch === '"' || ch === '`') quote = ch
    else if ('([{'.includes(ch)) depth++
    else if (')]}'.includes(ch)) {
      if (depth === 0) return text.slice(from, i).trim()
      depth--
    } else if (ch === ',' && depth === 0) return text.slice(from, i).trim()
  }
  return text.slice(from).trim()
}

const literal = (expr: string) => /^(['"])([a-z0-9_.-]+)\1$/.exec(expr)?.[2] ?? null
const literalsIn = (expr: string) => [...expr.matchAll(/'([a-z0-9_.-]+)'/g)].map((m) => m[1])

/** Codes made at runtime, by the source of the expression (file: expression) → every code it can be. */
const DYNAMIC_CODES: Record<string, string[]> = {
  // The helpers themselves (badRequest(code, …) and friends) pass their parameter on.
  'domain/errors.ts: code': [],
  // The one error handler: a HubError's own code, or the code it picks for Hono's errors (read below).
  'api/errors.ts: code: string': [],
  'api/errors.ts: err.code': [],
  'api/errors.ts: code': [],
  // A refused authorization that names what was attempted; its code defaults to 'forbidden'.
  'api/audit-refusals.ts: code': ['forbidden'],
  // A move that has a route of its own, tried through another: use_open_call, use_close_call, …
  "domain/transitions.ts: 'use_' + (transition.via ?? 'transition')": ['use_transition', ...TRANSITIONS.flatMap((t) => (t.via ? [`use_${t.via}`] : []))],
}

function serverErrorCodes(): { codes: Set<string>; unknownDynamic: string[] } {
  const codes = new Set<string>()
  const unknownDynamic: string[] = []
  const add = (file: string, expr: string) => {
    const code = literal(expr)
    if (code) return codes.add(code)
    const known = DYNAMIC_CODES[`${file}: ${expr}`]
    if (known) known.forEach((c) => codes.add(c))
    else unknownDynamic.push(`${file}: ${expr}`)
  }
  for (const { file, text } of server) {
    for (const m of text.matchAll(/\b(?:badRequest|conflict|gone)\(/g)) add(file, argumentAt(text, m.index + m[0].length))
    for (const m of text.matchAll(/new HubError\(\s*\d{3}\s*,/g)) add(file, argumentAt(text, m.index + m[0].length))
    // Subclasses of HubError pass their code to super(status, code, …).
    for (const m of text.matchAll(/\bsuper\(\s*\d{3}\s*,/g)) add(file, argumentAt(text, m.index + m[0].length))
    for (const m of text.matchAll(/\berrorBody\(/g)) add(file, argumentAt(text, m.index + m[0].length))
    // Codes assigned or written as data: `const code = … ? 'a' : 'b'` and `{ error: { code: 'x' } }`.
    for (const m of text.matchAll(/\bconst code = ([^\n]+)/g)) literalsIn(m[1]).forEach((c) => codes.add(c))
    for (const m of text.matchAll(/error: \{ code: '([a-z0-9_]+)'/g)) codes.add(m[1])
  }
  return { codes, unknownDynamic }
}

const actionsIn = (expr: string) => [...expr.matchAll(/'([a-z_]+\.[a-z_.-]+)'/g)].map((m) => m[1])

/** The `action: '…'` literals passed to `fn` wherever it is called (a helper that audits for its callers). */
const passedTo = (fn: string) =>
  server.flatMap(({ text }) => [...text.matchAll(new RegExp(`\\b${fn}\\(`, 'g'))].flatMap((m) => [...text.slice(m.index, m.index + 400).matchAll(/\baction: '([a-z_]+\.[a-z_.-]+)'/g)].map((a) => a[1])))

/** Actions made at runtime, by the source of the expression (file: expression) → every action it can be. */
const DYNAMIC_ACTIONS: Record<string, () => string[]> = {
  'api/routes/comments.ts: `${b.kind}.created`': () => ['comment.created', 'suggestion.created'],
  'api/routes/comments.ts: `suggestion.${decision}`': () => ['suggestion.accept-all', 'suggestion.reject-all'],
  'api/auth/password-attempt.ts: audit.action': () => passedTo('reservePasswordAttempt'),
}

function serverAuditActions(): { actions: Set<string>; unknownDynamic: string[] } {
  const actions = new Set<string>()
  const unknownDynamic: string[] = []
  for (const { file, text } of server) {
    if (file === 'db/queries/audit.ts') continue // recordAudit itself
    for (const m of text.matchAll(/\brecordAudit\(/g)) {
      const call = text.slice(m.index, m.index + 600)
      const prop = /\baction(?:\s*:\s*|\s*[,}])/.exec(call)
      if (!prop) {
        unknownDynamic.push(`${file}: recordAudit without an action`)
        continue
      }
      const shorthand = !prop[0].includes(':')
      const expr = shorthand ? 'action' : argumentAt(call, prop.index + prop[0].length)
      const known = DYNAMIC_ACTIONS[`${file}: ${expr}`]
      if (known) known().forEach((a) => actions.add(a))
      else if (expr === 'action') {
        // `const action = cond ? 'x.y' : 'x.z'` earlier in the same handler.
        const before = text.slice(0, m.index)
        const decl = before.lastIndexOf('const action = ')
        const found = decl >= 0 ? actionsIn(before.slice(decl, before.indexOf('\n', decl))) : []
        if (found.length) found.forEach((a) => actions.add(a))
        else unknownDynamic.push(`${file}: action (no literal declaration found)`)
      } else {
        const found = actionsIn(expr)
        if (found.length) found.forEach((a) => actions.add(a))
        else unknownDynamic.push(`${file}: ${expr}`)
      }
    }
  }
  return { actions, unknownDynamic }
}

const tFor = (locale: 'en' | 'zh') => translator(() => dictionaryFor(locale), resolveTemplate)

describe('error codes the server can send', () => {
  const { codes, unknownDynamic } = serverErrorCodes()

  test('the scan finds the codes (and understands every code made at runtime)', () => {
    expect(unknownDynamic).toEqual([])
    for (const code of ['open_suggestions', 'finding_inconsistent', 'use_open_call', 'use_close_call', 'not_found', 'forbidden', 'internal', 'payload_too_large']) {
      expect(codes, code).toContain(code)
    }
  })

  test('each has its own sentence in English and in Chinese, never the server’s English', () => {
    const serverText = 'SERVER TEXT'
    const missing: string[] = []
    for (const code of codes) {
      const en = errorMessage(new ApiError(409, code, serverText), tFor('en'))
      const zh = errorMessage(new ApiError(409, code, serverText), tFor('zh'))
      if (en === serverText || zh === serverText || zh === en || !/[\u4e00-\u9fff]/.test(zh)) missing.push(code)
    }
    expect(missing, 'codes without a sentence in client/i18n/error-messages.ts').toEqual([])
  })
})

describe('audit actions the server writes', () => {
  const { actions, unknownDynamic } = serverAuditActions()
  const texts = (locale: 'en' | 'zh') => ({
    a: activityTranslator(() => locale),
    t: tFor(locale),
    w: translator(() => (locale === 'zh' ? flatWorkflowZh : flatWorkflowEn), resolveTemplate),
  })

  test('the scan finds the actions (and understands every action made at runtime)', () => {
    expect(unknownDynamic).toEqual([])
    for (const action of ['document.transition', 'version.saved', 'version.restored', 'consensus.position', 'document.endorsed', 'comment.created', 'suggestion.accept-all', 'membership.left', 'user.secretariat_granted', 'authz.denied']) {
      expect(actions, action).toContain(action)
    }
  })

  test('each reads as a sentence in English and in Chinese, never as its raw code', () => {
    const raw: string[] = []
    for (const action of actions) {
      const en = describeActivity({ action, actorName: 'Ana', data: {} }, texts('en'))
      const zh = describeActivity({ action, actorName: 'Ana', data: {} }, texts('zh'))
      if (en.includes(action) || zh.includes(action) || zh === en) raw.push(action)
    }
    expect(raw, 'actions without a sentence in client/pages/activity-i18n.ts').toEqual([])
  })

  test("the home feed carries every fact a sentence names (api/presenters/activity.ts strips the rest)", () => {
    const placeholders = new Set<string>()
    for (const sentence of Object.values({ ...activityEn.actions, ...activityZh.actions })) {
      for (const m of sentence.matchAll(/\{\{\s*(\w+)\s*\}\}/g)) placeholders.add(m[1])
    }
    placeholders.delete('actor')
    expect(placeholders.size).toBeGreaterThan(0)
    expect([...placeholders].filter((p) => !(FEED_FACTS as readonly string[]).includes(p))).toEqual([])
  })
})

describe('dates and times', () => {
  test('follow the chosen language: no toLocale…String() without a locale anywhere in the client', () => {
    const offenders = [...sources('client')].flatMap(({ file, text }) =>
      [...text.matchAll(/\.toLocale(?:Date|Time)?String\(\s*\)/g)].map((m) => `${file}:${text.slice(0, m.index).split('\n').length}`),
    )
    expect(offenders).toEqual([])
  })
})
