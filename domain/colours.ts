/**
 * A stable, readable colour per person: FNV-1a hash of the user id → hue; fixed saturation and lightness
 * so every caret and authorship highlight stays legible on a white page. Used by the collab server (carets)
 * and the API (who wrote this), so a person has one colour everywhere.
 */
export function userColor(userId: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < userId.length; i++) {
    hash ^= userId.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hslToHex(hash % 360, 0.65, 0.42)
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
