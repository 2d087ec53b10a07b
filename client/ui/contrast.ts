import { contrastRatio } from '../../domain/colours.ts'

/** Readable text on any background colour: dark text on light colours, white on dark ones (WCAG contrast). */
export function textColorOn(background: string): string {
  const m = /^#?([0-9a-f]{6})$/i.exec(background.trim())
  if (!m) return '#ffffff'
  const hex = `#${m[1]}`
  return contrastRatio(hex, '#ffffff') >= contrastRatio(hex, '#111111') ? '#ffffff' : '#111111'
}
