/**
 * A small form store: values, the checks from validate.ts shown after the first submit attempt, a pending
 * flag and the server's error. Submitting twice while pending does nothing.
 */
import { createSignal } from 'solid-js'
import { createStore, type SetStoreFunction } from 'solid-js/store'
import { useI18n } from '../i18n/i18n.tsx'
import { isValid, validate, type Rules } from './validate.ts'

export function createForm<T extends Record<string, unknown>>(initial: T, rules: Rules<T>, onSubmit: (values: T) => Promise<void>) {
  const { t } = useI18n()
  const [values, setValues] = createStore<T>({ ...initial })
  const [attempted, setAttempted] = createSignal(false)
  const [pending, setPending] = createSignal(false)
  const [serverError, setServerError] = createSignal<unknown>(null)

  const errors = () => (attempted() ? validate(values as T, rules) : {})
  return {
    values,
    set: setValues as SetStoreFunction<T>,
    error: (key: keyof T) => {
      const e = (errors() as Partial<Record<keyof T, string>>)[key]
      return e ? (t(e as Parameters<typeof t>[0]) as string) : null
    },
    pending,
    serverError,
    setServerError,
    reset(next: T = initial) {
      setValues({ ...next })
      setAttempted(false)
      setServerError(null)
    },
    async submit(e?: Event) {
      e?.preventDefault()
      if (pending()) return
      setAttempted(true)
      setServerError(null)
      if (!isValid(validate(values as T, rules))) {
        queueMicrotask(() => (document.querySelector('[aria-invalid="true"]') as HTMLElement | null)?.focus())
        return
      }
      setPending(true)
      try {
        await onSubmit({ ...(values as T) })
      } catch (err) {
        setServerError(err)
      } finally {
        setPending(false)
      }
    },
  }
}
