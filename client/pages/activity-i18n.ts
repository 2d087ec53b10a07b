/**
 * One sentence per audit action, in English and Chinese, for Home's recent activity and the admin's audit
 * log. A dictionary of its own (merged like the app's: English fills any gap), loaded only by those two
 * pages. Keys are the action codes the server writes (`recordAudit`); `document.transition` has variants
 * after a colon for the moves that read better as their own sentence. tests/client/server-texts.test.ts
 * scans the server for actions, so a new one without a sentence here fails the tests.
 */
import { flatten, resolveTemplate, translator } from '@solid-primitives/i18n'
import { createMemo } from 'solid-js'
import type { Locale } from '../../domain/roles.ts'
import { withFallback } from '../i18n/dictionary.ts'
import { useI18n } from '../i18n/i18n.tsx'

export const activityEn = {
  someone: 'Someone',
  other: '{{ actor }}: {{ action }}',
  actions: {
    'auth.login': '{{ actor }} signed in',
    'auth.logout': '{{ actor }} signed out',
    'auth.login_failed': 'A sign-in failed',
    'auth.login_throttled': 'Sign-in was paused after repeated failures',
    'auth.session_revoked': '{{ actor }} signed out one of their sessions',
    'authz.denied': '{{ actor }} was refused an action',
    'user.bootstrap': 'The first secretariat account was created',
    'user.created': '{{ actor }} created an account',
    'user.updated': '{{ actor }} updated an account',
    'user.secretariat_granted': '{{ actor }} gave an account secretariat rights',
    'user.secretariat_revoked': '{{ actor }} removed secretariat rights from an account',
    'user.disabled': '{{ actor }} disabled an account',
    'user.enabled': '{{ actor }} enabled an account',
    'user.password_reset_issued': '{{ actor }} issued a password-reset link',
    'user.password_reset': '{{ actor }} set a new password with a reset link',
    'user.profile_updated': '{{ actor }} updated their profile',
    'user.password_changed': '{{ actor }} changed their password',
    'user.password_change_failed': '{{ actor }} gave a wrong current password when changing it',
    'user.password_change_throttled': 'Password changes by {{ actor }} were paused after repeated wrong passwords',
    'institution.created': '{{ actor }} added an institution',
    'institution.updated': '{{ actor }} updated an institution',
    'institution.suspended': '{{ actor }} suspended an institution',
    'institution.reinstated': '{{ actor }} reinstated an institution',
    'body.created': '{{ actor }} created the body',
    'body.updated': '{{ actor }} updated the body',
    'body.archived': '{{ actor }} archived the body',
    'body.restored': '{{ actor }} restored the body',
    'invitation.created': '{{ actor }} sent an invitation',
    'invitation.accepted': '{{ actor }} joined through an invitation',
    'invitation.revoked': '{{ actor }} withdrew an invitation',
    'join_request.filed': '{{ actor }} asked to join',
    'join_request.approved': '{{ actor }} approved a join request',
    'join_request.declined': '{{ actor }} declined a join request',
    'membership.role_changed': '{{ actor }} changed a member’s role',
    'membership.removed': '{{ actor }} removed a member',
    'membership.left': '{{ actor }} left the body',
    'document.created': '{{ actor }} created a document',
    'document.transition': '{{ actor }} moved a document to {{ to }}',
    'document.transition:call_opened': '{{ actor }} opened a consensus call',
    'document.transition:call_closed': '{{ actor }} closed a consensus call: {{ finding }}',
    'document.transition:draft': '{{ actor }} returned a document to draft',
    'document.transition:published': '{{ actor }} published a document',
    'document.transition:withdrawn': '{{ actor }} withdrew a document',
    'document.endorsed': '{{ actor }} endorsed a document for their institution',
    'consensus.position': '{{ actor }} stated a position: {{ stance }}',
    'version.saved': '{{ actor }} saved version {{ number }}',
    'version.restored': '{{ actor }} restored version {{ from }} as version {{ as }}',
    'comment.created': '{{ actor }} commented on a document',
    'suggestion.created': '{{ actor }} suggested a change',
    'suggestion.accepted': '{{ actor }} accepted a suggestion',
    'suggestion.rejected': '{{ actor }} rejected a suggestion',
    'suggestion.accept-all': '{{ actor }} accepted all open suggestions',
    'suggestion.reject-all': '{{ actor }} rejected all open suggestions',
  },
}

export type ActivityMessages = { someone: string; other: string; actions: Record<keyof typeof activityEn.actions, string> }

export const activityZh: ActivityMessages = {
  someone: '有人',
  other: '{{ actor }}：{{ action }}',
  actions: {
    'auth.login': '{{ actor }} 登录了',
    'auth.logout': '{{ actor }} 退出了登录',
    'auth.login_failed': '一次登录失败',
    'auth.login_throttled': '多次登录失败后已暂停登录',
    'auth.session_revoked': '{{ actor }} 注销了自己的一个会话',
    'authz.denied': '{{ actor }} 的操作被拒绝',
    'user.bootstrap': '已创建首个秘书处账户',
    'user.created': '{{ actor }} 创建了一个账户',
    'user.updated': '{{ actor }} 更新了一个账户',
    'user.secretariat_granted': '{{ actor }} 授予了一个账户秘书处权限',
    'user.secretariat_revoked': '{{ actor }} 撤销了一个账户的秘书处权限',
    'user.disabled': '{{ actor }} 停用了一个账户',
    'user.enabled': '{{ actor }} 启用了一个账户',
    'user.password_reset_issued': '{{ actor }} 签发了密码重置链接',
    'user.password_reset': '{{ actor }} 通过重置链接设置了新密码',
    'user.profile_updated': '{{ actor }} 更新了个人资料',
    'user.password_changed': '{{ actor }} 修改了密码',
    'user.password_change_failed': '{{ actor }} 修改密码时输入的当前密码有误',
    'user.password_change_throttled': '{{ actor }} 多次输错当前密码，已暂停修改密码',
    'institution.created': '{{ actor }} 添加了一家会员机构',
    'institution.updated': '{{ actor }} 更新了会员机构信息',
    'institution.suspended': '{{ actor }} 暂停了一家会员机构',
    'institution.reinstated': '{{ actor }} 恢复了一家会员机构',
    'body.created': '{{ actor }} 创建了该机构',
    'body.updated': '{{ actor }} 更新了机构信息',
    'body.archived': '{{ actor }} 归档了该机构',
    'body.restored': '{{ actor }} 恢复了该机构',
    'invitation.created': '{{ actor }} 发出了一份邀请',
    'invitation.accepted': '{{ actor }} 通过邀请加入',
    'invitation.revoked': '{{ actor }} 撤回了一份邀请',
    'join_request.filed': '{{ actor }} 申请加入',
    'join_request.approved': '{{ actor }} 批准了一项加入申请',
    'join_request.declined': '{{ actor }} 拒绝了一项加入申请',
    'membership.role_changed': '{{ actor }} 更改了成员角色',
    'membership.removed': '{{ actor }} 移除了一名成员',
    'membership.left': '{{ actor }} 退出了该机构',
    'document.created': '{{ actor }} 创建了一份文件',
    'document.transition': '{{ actor }} 将一份文件转为“{{ to }}”',
    'document.transition:call_opened': '{{ actor }} 发起了共识征询',
    'document.transition:call_closed': '{{ actor }} 结束了共识征询：{{ finding }}',
    'document.transition:draft': '{{ actor }} 将一份文件退回草稿',
    'document.transition:published': '{{ actor }} 发布了一份文件',
    'document.transition:withdrawn': '{{ actor }} 撤回了一份文件',
    'document.endorsed': '{{ actor }} 代表本机构为一份文件背书',
    'consensus.position': '{{ actor }} 表明了立场：{{ stance }}',
    'version.saved': '{{ actor }} 保存了版本 {{ number }}',
    'version.restored': '{{ actor }} 将版本 {{ from }} 恢复为版本 {{ as }}',
    'comment.created': '{{ actor }} 评论了一份文件',
    'suggestion.created': '{{ actor }} 提出了修改建议',
    'suggestion.accepted': '{{ actor }} 接受了一条修改建议',
    'suggestion.rejected': '{{ actor }} 拒绝了一条修改建议',
    'suggestion.accept-all': '{{ actor }} 接受了全部待决修改建议',
    'suggestion.reject-all': '{{ actor }} 拒绝了全部待决修改建议',
  },
}

const flatEn = flatten(activityEn)
const flatZh = withFallback(flatEn, flatten(activityZh) as Partial<typeof flatEn>)

/** `t` for activity sentences in a given language (outside components, e.g. in tests). */
export const activityTranslator = (locale: () => Locale) => translator(() => (locale() === 'zh' ? flatZh : flatEn), resolveTemplate)
export type ActivityT = ReturnType<typeof activityTranslator>

/** `t` for activity sentences, following the app's chosen language. */
export function useActivityT(): ActivityT {
  const { locale } = useI18n()
  const current = createMemo(locale)
  return activityTranslator(current)
}
