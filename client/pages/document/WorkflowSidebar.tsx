/**
 * The document page's side panel: review (tracked changes, comments and suggestions), versions, the consensus call and
 * endorsements, each a tab, and the "who wrote this" view. Panels that do not apply to the state stay out.
 */
import { Tabs } from '@kobalte/core/tabs'
import type { Editor } from '@tiptap/core'
import { createSignal, Show } from 'solid-js'
import type { DocumentDetail } from '../../http/types.ts'
import { langTag } from '../../i18n/locale.ts'
import { IconUsers } from '../../ui/icons.ts'
import { Modal } from '../../ui/Modal.tsx'
import { AuthorshipView } from './AuthorshipView.tsx'
import { CommentsPanel } from './CommentsPanel.tsx'
import { ConsensusPanel } from './ConsensusPanel.tsx'
import { EndorsePanel } from './EndorsePanel.tsx'
import { VersionsPanel } from './VersionsPanel.tsx'
import { useWorkflowT } from './workflow-i18n.ts'
import './workflow.css'

const AFTER_AGREEMENT = ['agreed', 'submitted', 'published']

export function WorkflowSidebar(props: { data: DocumentDetail; editor: Editor | undefined; onChanged: () => void }) {
  const w = useWorkflowT()
  const [authorship, setAuthorship] = createSignal(false)
  const state = () => props.data.document.state
  return (
    <aside class="workflow-side">
      <button type="button" class="btn btn-sm authorship-toggle" aria-pressed={authorship()} onClick={() => setAuthorship(true)}>
        <IconUsers size={14} aria-hidden="true" />
        {w('authorship.toggle')}
      </button>
      <Tabs defaultValue="review" class="workflow-tabs">
        <Tabs.List class="tabs-nav" aria-label={w('state.label')}>
          <Tabs.Trigger class="tab-link" value="review">
            {w('comments.tab')}
          </Tabs.Trigger>
          <Tabs.Trigger class="tab-link" value="versions">
            {w('versions.title')}
          </Tabs.Trigger>
          <Tabs.Trigger class="tab-link" value="consensus">
            {w('consensus.title')}
          </Tabs.Trigger>
          <Show when={AFTER_AGREEMENT.includes(state())}>
            <Tabs.Trigger class="tab-link" value="endorse">
              {w('endorse.title')}
            </Tabs.Trigger>
          </Show>
        </Tabs.List>
        <Tabs.Content value="review">
          <CommentsPanel data={props.data} editor={props.editor} />
        </Tabs.Content>
        <Tabs.Content value="versions">
          <VersionsPanel data={props.data} onChanged={props.onChanged} />
        </Tabs.Content>
        <Tabs.Content value="consensus">
          <ConsensusPanel documentId={props.data.document.id} state={state()} onChanged={props.onChanged} />
        </Tabs.Content>
        <Show when={AFTER_AGREEMENT.includes(state())}>
          <Tabs.Content value="endorse">
            <EndorsePanel documentId={props.data.document.id} state={state()} />
          </Tabs.Content>
        </Show>
      </Tabs>
      <Modal open={authorship()} onOpenChange={setAuthorship} title={w('authorship.title')} size="lg">
        <AuthorshipView documentId={props.data.document.id} lang={langTag(props.data.document.language)} />
      </Modal>
    </aside>
  )
}
