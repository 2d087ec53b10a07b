/**
 * "Editing / Suggesting": how this editor's changes are made. Two native radio buttons, so the keyboard
 * and screen readers treat it as the one choice it is. The state lives in the suggestion plugin of this
 * editor only: others keep their own mode.
 */
import type { Editor } from '@tiptap/core'
import { Show, type Accessor } from 'solid-js'
import { useI18n } from '../i18n/i18n.tsx'
import { IconPencil } from '../ui/icons.ts'
import { isSuggesting } from './suggest-changes.ts'

export function ModeSwitch(props: { editor: Editor; tick: Accessor<number> }) {
  const { t } = useI18n()
  const suggesting = () => {
    props.tick()
    return isSuggesting(props.editor)
  }
  const choose = (on: boolean) => props.editor.chain().focus().setSuggesting(on).run()
  return (
    <fieldset class="mode-switch" classList={{ 'mode-switch-suggesting': suggesting() }}>
      <legend class="sr-only">{t('editor.mode')}</legend>
      <label class="mode-option">
        <input type="radio" name="editor-mode" value="editing" checked={!suggesting()} onChange={() => choose(false)} />
        <span>{t('editor.modeEditing')}</span>
      </label>
      <label class="mode-option">
        <input type="radio" name="editor-mode" value="suggesting" checked={suggesting()} onChange={() => choose(true)} />
        <IconPencil size={14} aria-hidden="true" />
        <span>{t('editor.modeSuggesting')}</span>
      </label>
      <Show when={suggesting()}>
        <span class="sr-only" role="status">
          {t('editor.modeSuggestingHint')}
        </span>
      </Show>
    </fieldset>
  )
}
