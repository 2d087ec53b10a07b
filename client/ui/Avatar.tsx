import { textColorOn } from './contrast.ts'

/** Initials on a colour derived from the name; the name itself is always shown or labelled nearby. */
export function initials(name: string): string {
  // Words that start with a letter: "Zhang Min (Secretariat)" is ZM, not Z(.
  const parts = name.trim().split(/\s+/).filter((w) => /^\p{L}/u.test(w))
  if (parts.length === 0) return '?'
  // CJK names: the first character reads best on its own.
  if (/[\u3400-\u9fff]/.test(parts[0][0])) return parts[0][0]
  const first = parts[0][0]
  const last = parts.length > 1 ? parts[parts.length - 1][0] : ''
  return (first + last).toUpperCase()
}

export function hueOf(name: string): number {
  let h = 0
  for (let i = 0; i < name.length; i++) h = (h * 31 + name.charCodeAt(i)) >>> 0
  return h % 360
}

export function Avatar(props: { name: string; color?: string; size?: 'sm' | 'md' }) {
  // Only a #rrggbb colour can be checked for a readable text colour; anything else gets the name's hue.
  const color = () => (props.color && /^#[0-9a-f]{6}$/i.test(props.color) ? props.color : undefined)
  return (
    <span
      class={`avatar avatar-${props.size ?? 'md'}`}
      style={{ 'background-color': color() ?? `hsl(${hueOf(props.name)} 45% 31%)`, color: color() ? textColorOn(color()!) : '#ffffff' }}
      aria-hidden="true"
    >
      {initials(props.name)}
    </span>
  )
}
