/**
 * Words for the audit log's details, in English and Chinese: a label per field an event's data carries
 * (see audit-details.ts), and the few values that are codes of their own. Loaded only by the audit page.
 */
import { flatten, resolveTemplate, translator } from '@solid-primitives/i18n'
import { createMemo } from 'solid-js'
import type { Locale } from '../../../domain/roles.ts'
import { withFallback } from '../../i18n/dictionary.ts'
import { useI18n } from '../../i18n/i18n.tsx'

export const auditEn = {
  fields: {
    from: 'From',
    to: 'To',
    reason: 'Reason',
    note: 'Note',
    finding: 'Finding',
    stance: 'Position',
    closesAt: 'Closes',
    version: 'Version',
    number: 'Version',
    as: 'Saved as version',
    label: 'Name',
    sha256: 'SHA-256',
    slug: 'Short name',
    publication: 'Publication',
    edition: 'Edition',
    userId: 'Person',
    role: 'Role',
    email: 'Email',
    displayName: 'Name',
    institutionId: 'Institution',
    locale: 'Language',
    isSecretariat: 'Secretariat rights',
    sessionsEnded: 'Sessions ended',
    via: 'How',
    bodyId: 'Body',
    kind: 'Kind',
    titleEn: 'Title in English',
    titleZh: 'Title in Chinese',
    nameEn: 'Name in English',
    nameZh: 'Name in Chinese',
    mandateEn: 'Mandate in English',
    mandateZh: 'Mandate in Chinese',
    parentSlug: 'Part of',
    archived: 'Archived',
    country: 'Country or region',
    joinedOn: 'Joined on',
    status: 'Status',
    accepted: 'Accepted',
    rejected: 'Rejected',
    skipped: 'Skipped',
    accountCreated: 'New account',
    participantKey: 'On behalf of',
    attempted: 'Attempted',
    request: 'Request',
    code: 'Refused because',
  },
  yes: 'Yes',
  no: 'No',
  via: { environment: 'From the server’s settings', setup_link: 'With the one-time setup link' },
  openDocument: 'Open the document',
  filterByAction: 'Show only “{{ action }}”',
  filterBySubject: 'Show only events about {{ name }}',
}

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }
export type AuditMessages = Shape<typeof auditEn>

export const auditZh: AuditMessages = {
  fields: {
    from: '从',
    to: '到',
    reason: '理由',
    note: '说明',
    finding: '结论',
    stance: '立场',
    closesAt: '截止',
    version: '版本',
    number: '版本',
    as: '保存为版本',
    label: '名称',
    sha256: 'SHA-256',
    slug: '简称',
    publication: '发布',
    edition: '版次',
    userId: '人员',
    role: '角色',
    email: '邮箱',
    displayName: '姓名',
    institutionId: '会员机构',
    locale: '语言',
    isSecretariat: '秘书处权限',
    sessionsEnded: '结束的会话',
    via: '方式',
    bodyId: '机构',
    kind: '类型',
    titleEn: '英文标题',
    titleZh: '中文标题',
    nameEn: '英文名称',
    nameZh: '中文名称',
    mandateEn: '英文职责说明',
    mandateZh: '中文职责说明',
    parentSlug: '隶属于',
    archived: '已归档',
    country: '国家或地区',
    joinedOn: '加入日期',
    status: '状态',
    accepted: '已接受',
    rejected: '已拒绝',
    skipped: '已跳过',
    accountCreated: '新建账户',
    participantKey: '代表',
    attempted: '尝试的操作',
    request: '请求',
    code: '拒绝原因',
  },
  yes: '是',
  no: '否',
  via: { environment: '由服务器设置创建', setup_link: '通过一次性设置链接创建' },
  openDocument: '打开文件',
  filterByAction: '只显示“{{ action }}”',
  filterBySubject: '只显示与 {{ name }} 有关的记录',
}

const flatEn = flatten(auditEn)
const flatZh = withFallback(flatEn, flatten(auditZh) as Partial<typeof flatEn>)

export const auditTranslator = (locale: () => Locale) => translator(() => (locale() === 'zh' ? flatZh : flatEn), resolveTemplate)
export type AuditT = ReturnType<typeof auditTranslator>

export function useAuditT(): AuditT {
  const { locale } = useI18n()
  const current = createMemo(locale)
  return auditTranslator(current)
}
