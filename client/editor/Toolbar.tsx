/**
 * Formatting controls, and the Editing / Suggesting switch. Each button reflects the selection
 * (aria-pressed) and names itself for screen readers.
 */
import type { Editor } from '@tiptap/core'
import { createSignal, Show, type Accessor, type JSX } from 'solid-js'
import { useI18n } from '../i18n/i18n.tsx'
import {
  IconBold,
  IconHeading1,
  IconHeading2,
  IconHeading3,
  IconItalic,
  IconLink,
  IconList,
  IconListOrdered,
  IconPilcrow,
  IconQuote,
  IconRedo,
  IconStrike,
  IconTable,
  IconUndo,
} from '../ui/icons.ts'
import { LinkDialog } from './LinkDialog.tsx'
import { ModeSwitch } from './ModeSwitch.tsx'

function ToolButton(props: { label: string; pressed?: boolean; disabled?: boolean; onClick: () => void; children: JSX.Element }) {
  return (
    <button
      type="button"
      class="tool"
      classList={{ 'tool-active': !!props.pressed }}
      aria-label={props.label}
      title={props.label}
      aria-pressed={props.pressed === undefined ? undefined : props.pressed}
      disabled={props.disabled}
      // Keep the editor's selection: do not move focus on mouse down.
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => props.onClick()}
    >
      {props.children}
    </button>
  )
}

export function Toolbar(props: { editor: Editor; tick: Accessor<number>; editable: boolean }) {
  const { t } = useI18n()
  const [linkOpen, setLinkOpen] = createSignal(false)
  const ed = () => {
    props.tick()
    return props.editor
  }
  const is = (name: string, attrs?: Record<string, unknown>) => ed().isActive(name, attrs)
  const chain = () => props.editor.chain().focus()
  const off = () => !props.editable
  const inTable = () => is('table')
  return (
    <div class="toolbar" role="toolbar" aria-label={t('editor.toolbar')}>
      <div class="tool-group">
        <ToolButton label={t('editor.undo')} disabled={off() || !ed().can().undo()} onClick={() => chain().undo().run()}>
          <IconUndo size={16} aria-hidden="true" />
        </ToolButton>
        <ToolButton label={t('editor.redo')} disabled={off() || !ed().can().redo()} onClick={() => chain().redo().run()}>
          <IconRedo size={16} aria-hidden="true" />
        </ToolButton>
      </div>
      <div class="tool-group">
        <ToolButton label={t('editor.paragraph')} disabled={off()} pressed={is('paragraph')} onClick={() => chain().setParagraph().run()}>
          <IconPilcrow size={16} aria-hidden="true" />
        </ToolButton>
        <ToolButton label={t('editor.heading', { level: 1 })} disabled={off()} pressed={is('heading', { level: 1 })} onClick={() => chain().toggleHeading({ level: 1 }).run()}>
          <IconHeading1 size={16} aria-hidden="true" />
        </ToolButton>
        <ToolButton label={t('editor.heading', { level: 2 })} disabled={off()} pressed={is('heading', { level: 2 })} onClick={() => chain().toggleHeading({ level: 2 }).run()}>
          <IconHeading2 size={16} aria-hidden="true" />
        </ToolButton>
        <ToolButton label={t('editor.heading', { level: 3 })} disabled={off()} pressed={is('heading', { level: 3 })} onClick={() => chain().toggleHeading({ level: 3 }).run()}>
          <IconHeading3 size={16} aria-hidden="true" />
        </ToolButton>
      </div>
      <div class="tool-group">
        <ToolButton label={t('editor.bold')} disabled={off()} pressed={is('bold')} onClick={() => chain().toggleBold().run()}>
          <IconBold size={16} aria-hidden="true" />
        </ToolButton>
        <ToolButton label={t('editor.italic')} disabled={off()} pressed={is('italic')} onClick={() => chain().toggleItalic().run()}>
          <IconItalic size={16} aria-hidden="true" />
        </ToolButton>
        <ToolButton label={t('editor.strike')} disabled={off()} pressed={is('strike')} onClick={() => chain().toggleStrike().run()}>
          <IconStrike size={16} aria-hidden="true" />
        </ToolButton>
        <ToolButton label={t('editor.link')} disabled={off()} pressed={is('link')} onClick={() => setLinkOpen(true)}>
          <IconLink size={16} aria-hidden="true" />
        </ToolButton>
      </div>
      <div class="tool-group">
        <ToolButton label={t('editor.bulletList')} disabled={off()} pressed={is('bulletList')} onClick={() => chain().toggleBulletList().run()}>
          <IconList size={16} aria-hidden="true" />
        </ToolButton>
        <ToolButton label={t('editor.orderedList')} disabled={off()} pressed={is('orderedList')} onClick={() => chain().toggleOrderedList().run()}>
          <IconListOrdered size={16} aria-hidden="true" />
        </ToolButton>
        <ToolButton label={t('editor.blockquote')} disabled={off()} pressed={is('blockquote')} onClick={() => chain().toggleBlockquote().run()}>
          <IconQuote size={16} aria-hidden="true" />
        </ToolButton>
        <ToolButton
          label={t('editor.table')}
          disabled={off() || inTable()}
          onClick={() => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}
        >
          <IconTable size={16} aria-hidden="true" />
        </ToolButton>
      </div>
      <Show when={inTable() && props.editable}>
        <div class="tool-group tool-group-text">
          <button type="button" class="btn btn-sm btn-ghost" onMouseDown={(e) => e.preventDefault()} onClick={() => chain().addRowAfter().run()}>
            {t('editor.addRow')}
          </button>
          <button type="button" class="btn btn-sm btn-ghost" onMouseDown={(e) => e.preventDefault()} onClick={() => chain().addColumnAfter().run()}>
            {t('editor.addColumn')}
          </button>
          <button type="button" class="btn btn-sm btn-ghost" onMouseDown={(e) => e.preventDefault()} onClick={() => chain().deleteRow().run()}>
            {t('editor.deleteRow')}
          </button>
          <button type="button" class="btn btn-sm btn-ghost" onMouseDown={(e) => e.preventDefault()} onClick={() => chain().deleteColumn().run()}>
            {t('editor.deleteColumn')}
          </button>
          <button type="button" class="btn btn-sm btn-ghost btn-danger" onMouseDown={(e) => e.preventDefault()} onClick={() => chain().deleteTable().run()}>
            {t('editor.deleteTable')}
          </button>
        </div>
      </Show>
      <Show when={props.editable}>
        <div class="tool-group tool-group-mode">
          <ModeSwitch editor={props.editor} tick={props.tick} />
        </div>
      </Show>
      <LinkDialog editor={props.editor} open={linkOpen()} onOpenChange={setLinkOpen} />
    </div>
  )
}
