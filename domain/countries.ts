/** Country or region codes are ISO 3166-1 alpha-2 (e.g. CN, DE, HK), checked against the ICU region list. */
const regions = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' })

/** Codes ICU names that are not countries or regions (unknown region, EU, UN, eurozone, pseudo-locales). */
const NOT_REGIONS = new Set(['ZZ', 'EU', 'UN', 'EZ', 'QO', 'XA', 'XB', 'UK'])

export function isCountryCode(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code) || NOT_REGIONS.has(code)) return false
  if (code === 'XK') return true
  const name = regions.of(code)
  return !!name && name !== code
}
