/**
 * Who is signed in. One resource (GET /api/me) the whole app reads; `null` means signed out. Any request
 * that learns the session ended (401 unauthenticated) flips it to null, and the protected layout shows the
 * sign-in form in place, on the same address, so the person lands back where they were.
 */
import { createContext, createEffect, createResource, createSignal, on, useContext, type ParentProps } from 'solid-js'
import type { Locale } from '../../domain/roles.ts'
import { api, ApiError, call, setSignedOutHandler } from '../http/client.ts'
import type { Me } from '../http/types.ts'
import { useI18n } from '../i18n/i18n.tsx'

async function fetchMe(): Promise<Me | null> {
  try {
    return await call(api.me.$get())
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null
    throw err
  }
}

export type SignedOutReason = 'ended' | 'signed-out' | null

function createSession() {
  const i18n = useI18n()
  const [me, { mutate, refetch }] = createResource(fetchMe)
  const [signedOutReason, setSignedOutReason] = createSignal<SignedOutReason>(null)

  setSignedOutHandler(() => {
    if (me.latest) setSignedOutReason('ended')
    mutate(null)
  })

  // The account's language wins once known (it was chosen on some device, perhaps this one).
  createEffect(
    on(
      () => me.latest?.user.locale,
      (locale) => {
        if (locale && locale !== i18n.locale()) i18n.setLocale(locale)
      },
    ),
  )

  const setMe = (next: Me) => {
    setSignedOutReason(null)
    mutate(next)
  }

  return {
    me,
    user: () => me.latest?.user ?? null,
    signedOutReason,
    refresh: () => refetch(),
    /** After sign-in, setup, invitation or reset: the server answered with the person. */
    setMe,
    async signIn(email: string, password: string) {
      const next = await call(api.auth.login.$post({ json: { email, password } }))
      setMe(next)
      return next
    },
    async signOut() {
      try {
        await call(api.auth.logout.$post())
      } finally {
        setSignedOutReason('signed-out')
        mutate(null)
      }
    },
    /** Switch the interface language now; remember it on the account when signed in. */
    async changeLocale(locale: Locale) {
      i18n.setLocale(locale)
      const current = me.latest
      if (!current || current.user.locale === locale) return
      const next = await call(api.me.$patch({ json: { locale } }))
      mutate(next)
    },
  }
}

export type SessionApi = ReturnType<typeof createSession>
const SessionContext = createContext<SessionApi>()

export function SessionProvider(props: ParentProps) {
  const session = createSession()
  return <SessionContext.Provider value={session}>{props.children}</SessionContext.Provider>
}

export function useSession(): SessionApi {
  const session = useContext(SessionContext)
  if (!session) throw new Error('useSession outside SessionProvider')
  return session
}
