/** Roles a person holds in a body. Chairs manage it, members co-write, observers read and comment. */
export const ROLES = ['chair', 'member', 'observer'] as const
export type Role = (typeof ROLES)[number]

/** Roles whose institutions take part in consensus calls and whose people may edit drafts. */
export const PARTICIPATING_ROLES: readonly Role[] = ['chair', 'member']

export const BODY_KINDS = ['organ', 'secretariat', 'committee', 'working_group', 'programme'] as const
export type BodyKind = (typeof BODY_KINDS)[number]

export const INSTITUTION_KINDS = [
  'international_organisation',
  'enterprise',
  'industry_organisation',
  'research_institution',
  'think_tank',
  'individual_expert',
] as const
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number]

export const DOCUMENT_KINDS = [
  'concept_paper',
  'initiative',
  'action_plan',
  'consensus_document',
  'research_report',
  'proposal',
  'case_collection',
] as const
export type DocumentKind = (typeof DOCUMENT_KINDS)[number]

export const LOCALES = ['en', 'zh'] as const
export type Locale = (typeof LOCALES)[number]
