/**
 * A stable, readable colour per person: FNV-1a hash of the user id → hue, at a fixed saturation and the
 * highest lightness (from 42 % down) at which white text on it still meets WCAG AA (4.5:1). Carets carry
 * the name in white on this colour, avatars their initials, so yellows and greens, which are light at the
 * lightness that suits blues, are darkened until they are legible. Used by the collab server (carets) and
 * the API (who wrote this), so a person has one colour everywhere.
 */
export function userColor(userId: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < userId.length; i++) {
    hash ^= userId.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  const hue = hash % 360
  let lightness = 0.42
  let color = hslToHex(hue, 0.65, lightness)
  // The ratio is taken on the final #rrggbb, so no rounding escapes it; 4.6 rather than 4.5 leaves room for
  // checkers (axe, browsers' dev tools) that use the later sRGB threshold or round the ratio.
  while (contrastRatio(color, '#ffffff') < 4.6 && lightness > 0.1) {
    lightness -= 0.01
    color = hslToHex(hue, 0.65, lightness)
  }
  return color
}

/** WCAG relative luminance of a `#rrggbb` colour (0 black … 1 white). */
function relativeLuminance(hex: string): number {
  const n = parseInt(hex.replace('#', ''), 16)
  const channel = (v: number) => {
    const c = v / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255)
}

/** WCAG contrast ratio of two `#rrggbb` colours (1 … 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x)
  return (hi + 0.05) / (lo + 0.05)
}

function hslToHex(h: number, s: number, l: number): string {
  const a = s * Math.min(l, 1 - l)
  const channel = (n: number) => {
    const k = (n + h / 30) % 12
    const v = l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))
    return Math.round(v * 255)
      .toString(16)
      .padStart(2, '0')
  }
  return `#${channel(0)}${channel(8)}${channel(4)}`
}
