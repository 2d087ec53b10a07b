/** Readable text on any background colour: dark text on light colours, white on dark ones (WCAG contrast). */
export function textColorOn(background: string): string {
  const m = /^#?([0-9a-f]{6})$/i.exec(background.trim())
  if (!m) return '#ffffff'
  const n = parseInt(m[1], 16)
  const channel = (v: number) => {
    const c = v / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  const luminance = 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255)
  // Contrast with white is 1.05 / (L + 0.05); with near-black (L + 0.05) / 0.05: take the larger.
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.055 ? '#ffffff' : '#111111'
}
