/**
 * The database schema as Kysely sees it: the one place table types are declared. Rows elsewhere are
 * `Selectable<...>` of these. Times are milliseconds since the epoch (integers), booleans are 0/1.
 */
import type { Generated, Selectable } from 'kysely'
import type { DispositionKind, Finding, Stance } from '../domain/consensus.ts'
import type { DocumentState } from '../domain/lifecycle.ts'
import type { BodyKind, DocumentKind, InstitutionKind, Locale, Role } from '../domain/roles.ts'

export interface InstitutionTable {
  id: string
  name_en: string
  name_zh: string
  kind: InstitutionKind
  country: string
  joined_on: string | null
  status: 'active' | 'suspended'
  created_at: number
}

export interface UserTable {
  id: string
  email: string
  display_name: string
  institution_id: string | null
  locale: Locale
  password_hash: string | null
  is_secretariat: number
  disabled_at: number | null
  created_at: number
}

export interface SessionTable {
  /** sha256(token) in hex; the token itself lives only in the cookie. */
  id: string
  user_id: string
  created_at: number
  expires_at: number
  user_agent: string
}

/** One-time tokens: the first-account setup link and password-reset links. Only the hash is stored. */
export interface OneTimeTokenTable {
  token_hash: string
  purpose: 'setup' | 'password_reset'
  user_id: string | null
  created_by: string | null
  created_at: number
  expires_at: number
  used_at: number | null
}

export interface BodyTable {
  id: string
  slug: string
  kind: BodyKind
  parent_id: string | null
  name_en: string
  name_zh: string
  mandate_en: string
  mandate_zh: string
  established: string | null
  archived_at: number | null
  created_at: number
  /** Members whose account is not disabled; kept by triggers (migration 0006), never written by us. */
  member_count: Generated<number>
}

export interface MembershipTable {
  body_id: string
  user_id: string
  role: Role
  since: number
}

export interface InvitationTable {
  id: string
  body_id: string
  email: string
  role: Role
  token_hash: string
  invited_by: string
  created_at: number
  expires_at: number
  accepted_at: number | null
  accepted_by: string | null
  revoked_at: number | null
}

export interface JoinRequestTable {
  id: string
  body_id: string
  user_id: string
  message: string
  status: 'pending' | 'approved' | 'declined'
  created_at: number
  decided_by: string | null
  decided_at: number | null
}

export interface AuditEventTable {
  id: Generated<number>
  at: number
  actor_id: string | null
  action: string
  subject_type: string
  subject_id: string | null
  /** JSON object with the details of the event. */
  data: string
}

export interface DocumentTable {
  id: string
  body_id: string
  kind: DocumentKind
  title_en: string
  title_zh: string
  language: Locale
  state: DocumentState
  created_by: string
  created_at: number
  updated_at: number
  state_reason: string | null
  state_changed_at: number | null
}

export interface DocumentUpdateTable {
  /** Doubles as the sequence number of the update in its document's log. */
  id: Generated<number>
  document_id: string
  update: Uint8Array
  user_id: string
  at: number
}

export interface DocumentSnapshotTable {
  document_id: string
  state: Uint8Array
  /** The id of the last update folded into this snapshot. */
  up_to: number
  at: number
  /**
   * SHA-256 of `state` followed by `state_vector` (when there is one) as the collab server wrote them
   * (migration 0009); null for older snapshots.
   */
  sha256: Uint8Array | null
  /** The state vector of `state` (migration 0010), so a cold open need not parse the state for it; null for older snapshots. */
  state_vector: Uint8Array | null
}

export interface VersionTable {
  id: string
  document_id: string
  number: number
  label: string
  /** named (saved by a member), freeze (saved by the hub when the text froze), restore (a restored copy) */
  origin: 'named' | 'freeze' | 'restore'
  /** For a restored copy, the number of the version it restores (migration 0007); null otherwise. */
  restored_from: number | null
  yjs_state: Uint8Array
  prosemirror_json: string
  /** sha256 of prosemirror_json */
  sha256: string
  created_by: string
  created_at: number
}

export interface ConsensusCallTable {
  id: string
  document_id: string
  version_id: string
  opened_by: string
  opened_at: number
  closes_at: number
  status: 'open' | 'closed'
  finding: Finding | null
  finding_note: string
  closed_by: string | null
  closed_at: number | null
}

export interface PositionTable {
  id: Generated<number>
  call_id: string
  participant_key: string
  institution_id: string | null
  cast_by: string
  stance: Stance
  reason: string
  at: number
}

export interface DispositionTable {
  position_id: number
  call_id: string
  disposition: DispositionKind
  rationale: string
  recorded_by: string
  at: number
}

export interface EndorsementTable {
  id: string
  document_id: string
  version_id: string
  institution_id: string
  signed_by: string
  at: number
}

export interface PublicationTable {
  id: string
  document_id: string
  version_id: string | null
  edition: number
  slug: string
  body_id: string
  kind: DocumentKind
  title_en: string
  title_zh: string
  language: Locale
  year: number
  html: string
  markdown: string
  html_sha256: string
  markdown_sha256: string
  /** JSON: the consensus summary and the endorsements as they stood at publication. */
  record: string
  published_by: string | null
  published_at: number
}

export interface CommentTable {
  id: string
  document_id: string
  /** The id of the thread's first comment (its own id for that one). */
  thread_id: string
  parent_id: string | null
  author_id: string
  body: string
  kind: 'comment' | 'suggestion'
  /** Yjs relative positions (encoded) of the anchored range; on the thread's first comment only. */
  anchor_start: Uint8Array | null
  anchor_end: Uint8Array | null
  quote: string
  context_before: string
  context_after: string
  /** A suggestion's replacement for the anchored text ('' deletes it). */
  proposal: string | null
  status: 'open' | 'resolved' | 'accepted' | 'rejected'
  resolved_by: string | null
  resolved_at: number | null
  created_at: number
  deleted_at: number | null
}

export interface DocumentAuthorTable {
  document_id: string
  client_id: number
  /** The first person seen writing with this client id. */
  user_id: string
  first_at: number
  /** 1 once someone else wrote with the same id (migration 0011): its text then has no author. */
  disputed: Generated<number>
}

export interface NotificationTable {
  id: Generated<number>
  user_id: string
  kind: 'mention' | 'reply' | 'call_opened' | 'suggestion'
  actor_id: string | null
  document_id: string | null
  comment_id: string | null
  call_id: string | null
  excerpt: string
  at: number
  read_at: number | null
}

export interface Database {
  institutions: InstitutionTable
  users: UserTable
  sessions: SessionTable
  one_time_tokens: OneTimeTokenTable
  bodies: BodyTable
  memberships: MembershipTable
  invitations: InvitationTable
  join_requests: JoinRequestTable
  audit_events: AuditEventTable
  documents: DocumentTable
  document_updates: DocumentUpdateTable
  document_snapshots: DocumentSnapshotTable
  versions: VersionTable
  consensus_calls: ConsensusCallTable
  positions: PositionTable
  dispositions: DispositionTable
  endorsements: EndorsementTable
  publications: PublicationTable
  comments: CommentTable
  document_authors: DocumentAuthorTable
  notifications: NotificationTable
}

export type UserRow = Selectable<UserTable>
export type BodyRow = Selectable<BodyTable>
export type InstitutionRow = Selectable<InstitutionTable>
export type DocumentRow = Selectable<DocumentTable>
export type InvitationRow = Selectable<InvitationTable>
export type JoinRequestRow = Selectable<JoinRequestTable>
export type AuditEventRow = Selectable<AuditEventTable>
export type VersionRow = Selectable<VersionTable>
export type ConsensusCallRow = Selectable<ConsensusCallTable>
export type PublicationRow = Selectable<PublicationTable>
export type CommentRow = Selectable<CommentTable>
