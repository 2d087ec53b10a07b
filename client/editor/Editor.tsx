/**
 * The collaborative editor: Tiptap bound to the session's Y.Doc (XmlFragment `default`), named carets
 * from awareness, a toolbar, and read-only when the person may not write.
 */
import { Editor } from '@tiptap/core'
import { createEffect, createSignal, onCleanup, onMount, Show } from 'solid-js'
import { useI18n } from '../i18n/i18n.tsx'
import { hueOf } from '../ui/Avatar.tsx'
import type { CollabSession } from './collab-session.ts'
import { editorExtensions } from './extensions.ts'
import { Toolbar } from './Toolbar.tsx'

export function CollabEditor(props: { session: CollabSession; editable: boolean; userName: string; lang: string }) {
  const { t } = useI18n()
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

  onMount(() => {
    const instance = new Editor({
      element: host,
      extensions: editorExtensions({
        doc: props.session.doc,
        provider: props.session.provider,
        user: { name: props.userName, color: `hsl(${hueOf(props.userName)} 60% 40%)` },
      }),
      editable: props.editable,
      editorProps: { attributes: attributes() },
      onTransaction: () => setTick((n) => n + 1),
      onSelectionUpdate: () => setTick((n) => n + 1),
    })
    setEditor(instance)
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
      <Show when={editor()}>{(ed) => <Toolbar editor={ed()} tick={tick} editable={props.editable} />}</Show>
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
