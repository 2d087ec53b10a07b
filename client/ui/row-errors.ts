/**
 * Errors of actions taken on the rows of a list (disable this person, withdraw that invitation), kept per
 * row, so each shows next to the control that failed instead of in a toast that says nothing about where.
 */
import { createSignal } from 'solid-js'

export function createRowErrors() {
  const [errors, setErrors] = createSignal<Readonly<Record<string, unknown>>>({})
  const clear = (id: string) =>
    setErrors((all) => {
      const { [id]: _gone, ...rest } = all
      return rest
    })
  return {
    error: (id: string): unknown => errors()[id] ?? null,
    clear,
    /** Runs the action for row `id`; true when it succeeded, else its error is kept for that row. */
    async run(id: string, action: () => Promise<unknown>): Promise<boolean> {
      clear(id)
      try {
        await action()
        return true
      } catch (err) {
        setErrors((all) => ({ ...all, [id]: err }))
        return false
      }
    },
  }
}
