/**
 * The same-origin rule shared by the API (unsafe methods) and the websocket upgrade: a request's `Origin`
 * is accepted when its host equals the request's `Host` header (so http://localhost:3000 and
 * http://127.0.0.1:3000 both work locally), or equals the origin of HUB_PUBLIC_URL behind a proxy.
 */
export function isAllowedOrigin(origin: string | undefined | null, host: string | undefined | null, publicUrl?: string | null): boolean {
  if (!origin || origin === 'null') return false
  let parsed: URL
  try {
    parsed = new URL(origin)
  } catch {
    return false
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false
  if (publicUrl && parsed.origin === new URL(publicUrl).origin) return true
  return !!host && parsed.host.toLowerCase() === host.toLowerCase()
}
