/** Add, change or remove the link on the selected text; only http(s) and mailto addresses. */
import type { Editor } from '@tiptap/core'
import { createEffect, Show } from 'solid-js'
import { createForm } from '../forms/form.ts'
import { linkUrl } from '../forms/validate.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { TextField } from '../ui/Field.tsx'
import { Modal } from '../ui/Modal.tsx'

export function LinkDialog(props: { editor: Editor; open: boolean; onOpenChange: (open: boolean) => void }) {
  const { t } = useI18n()
  const form = createForm({ href: '' }, { href: linkUrl }, async ({ href }) => {
    props.editor.chain().focus().extendMarkRange('link').setLink({ href: href.trim() }).run()
    props.onOpenChange(false)
  })
  createEffect(() => {
    if (props.open) form.reset({ href: (props.editor.getAttributes('link').href as string | undefined) ?? 'https://' })
  })
  const hasLink = () => props.open && props.editor.isActive('link')
  return (
    <Modal open={props.open} onOpenChange={props.onOpenChange} title={t('editor.linkTitle')} size="sm">
      <form class="form" onSubmit={(e) => void form.submit(e)} novalidate>
        <TextField label={t('editor.linkUrl')} type="url" value={form.values.href} onInput={(v) => form.set('href', v)} error={form.error('href')} autofocus />
        <div class="btn-row">
          <Show when={hasLink()}>
            <button
              type="button"
              class="btn btn-danger"
              onClick={() => {
                props.editor.chain().focus().extendMarkRange('link').unsetLink().run()
                props.onOpenChange(false)
              }}
            >
              {t('editor.linkRemove')}
            </button>
          </Show>
          <button type="submit" class="btn btn-primary">
            {t('editor.linkApply')}
          </button>
        </div>
      </form>
    </Modal>
  )
}
