/** Random, unguessable ids (80 bits, base32) for rows that appear in URLs. */
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding'

export function newId(): string {
  const bytes = new Uint8Array(10)
  crypto.getRandomValues(bytes)
  return encodeBase32LowerCaseNoPadding(bytes)
}
