/** The account menu: who is signed in, profile, sign out. */
import { DropdownMenu } from '@kobalte/core/dropdown-menu'
import { useNavigate } from '@solidjs/router'
import { useI18n } from '../i18n/i18n.tsx'
import { useSession } from '../session/session.tsx'
import { Avatar } from '../ui/Avatar.tsx'
import { IconChevronDown, IconLogOut, IconUser } from '../ui/icons.ts'

export function UserMenu() {
  const { t } = useI18n()
  const session = useSession()
  const navigate = useNavigate()
  const name = () => session.user()?.displayName ?? ''
  return (
    <DropdownMenu gutter={6} placement="bottom-end">
      <DropdownMenu.Trigger class="user-trigger">
        <span class="sr-only">{t('nav.account')}: </span>
        <Avatar name={name()} />
        <span class="user-name truncate">{name()}</span>
        <IconChevronDown size={14} aria-hidden="true" />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content class="menu">
          <div class="menu-caption">{session.user()?.email}</div>
          <DropdownMenu.Item class="menu-item" onSelect={() => navigate('/profile')}>
            <IconUser size={16} aria-hidden="true" />
            {t('nav.profile')}
          </DropdownMenu.Item>
          <DropdownMenu.Separator class="menu-separator" />
          <DropdownMenu.Item
            class="menu-item"
            onSelect={() => {
              void session.signOut().then(() => navigate('/'))
            }}
          >
            <IconLogOut size={16} aria-hidden="true" />
            {t('nav.signOut')}
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu>
  )
}
