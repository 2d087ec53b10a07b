/**
 * The collaborative editor: Tiptap bound to the session's Y.Doc (XmlFragment `default`), named carets
 * from awareness, a toolbar with the Editing / Suggesting switch, and read-only when the person may not
 * write. Suggestions made here carry the signed-in person's id and name.
 */
import { Editor } from '@tiptap/core'
import { createEffect, createSignal, onCleanup, onMount, Show } from 'solid-js'
import { useI18n } from '../i18n/i18n.tsx'
import { formatDateTime } from '../i18n/locale.ts'
import { hueOf } from '../ui/Avatar.tsx'
import { notify } from '../ui/toasts.tsx'
import type { CollabSession } from './collab-session.ts'
import { editorExtensions, type DescribeSuggestion } from './extensions.ts'
import { SuggestionAtCaret } from './SuggestionAtCaret.tsx'
import { Toolbar } from './Toolbar.tsx'

/** A refusal is said once per burst of typing, not once per key. */
const REFUSAL_QUIET_MS = 4000

export function CollabEditor(props: { session: CollabSession; editable: boolean; userId: string; userName: string; lang: string; onEditor?: (editor: Editor) => void }) {
  const { t, locale } = useI18n()
  let host!: HTMLDivElement
  const [editor, setEditor] = createSignal<Editor>()
  const [tick, setTick] = createSignal(0)
  const attributes = () => ({
    class: 'prose',
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-label': t('editor.label'),
    'aria-readonly': String(!props.editable),
    lang: props.lang,
    spellcheck: 'true',
  })
  const describe: DescribeSuggestion = (kind, attrs) => {
    const name = typeof attrs.authorName === 'string' && attrs.authorName ? attrs.authorName : t('editor.suggestionBySomeone')
    const time = typeof attrs.at === 'number' ? formatDateTime(new Date(attrs.at).toISOString(), locale()) : ''
    return t(kind === 'insertion' ? 'editor.suggestedInsertion' : 'editor.suggestedDeletion', { name, time })
  }
  let lastRefusal = 0
  const onSuggestionRefused = () => {
    if (Date.now() - lastRefusal < REFUSAL_QUIET_MS) return
    lastRefusal = Date.now()
    notify.error(t('editor.suggestionRefused'))
  }

  onMount(() => {
    const instance = new Editor({
      element: host,
      extensions: editorExtensions({
        doc: props.session.doc,
        provider: props.session.provider,
        user: { name: props.userName, color: `hsl(${hueOf(props.userName)} 60% 40%)` },
        suggester: props.userId ? { id: props.userId, name: props.userName } : null,
        describeSuggestion: describe,
        onSuggestionRefused,
      }),
      editable: props.editable,
      editorProps: { attributes: attributes() },
      onTransaction: () => setTick((n) => n + 1),
      onSelectionUpdate: () => setTick((n) => n + 1),
    })
    setEditor(instance)
    props.onEditor?.(instance)
  })
  onCleanup(() => editor()?.destroy())

  createEffect(() => {
    const ed = editor()
    if (!ed) return
    ed.setEditable(props.editable)
    ed.setOptions({ editorProps: { attributes: attributes() } })
  })

  return (
    <div class="editor" classList={{ 'editor-readonly': !props.editable }}>
      <Show when={editor()}>
        {(ed) => (
          <>
            <Toolbar editor={ed()} tick={tick} editable={props.editable} />
            <SuggestionAtCaret editor={ed()} tick={tick} describe={describe} />
          </>
        )}
      </Show>
      <div class="editor-canvas">
        <div
          ref={host}
          class="editor-host"
          classList={{ 'editor-host-hint': props.editable }}
          style={{ '--placeholder': JSON.stringify(t('editor.placeholder')) }}
        />
      </div>
    </div>
  )
}
