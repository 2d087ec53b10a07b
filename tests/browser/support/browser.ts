/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser). When `CI` is set a missing
 * Chromium fails the run; locally the browser suite is skipped with a message saying why.
 */
import fs from 'node:fs'
import { chromium, type Browser } from 'playwright-core'

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => !!p)

export const chromiumPath: string | null = CANDIDATES.find((p) => fs.existsSync(p)) ?? null

if (!chromiumPath) {
  const message = `Chromium not found (looked for ${CANDIDATES.join(', ')}); install it with: apt-get install -y chromium`
  if (process.env.CI) throw new Error(`[browser tests] ${message}`)
  console.warn(`[browser tests] SKIPPED: ${message}`)
}

/** A fresh browser; playwright gives each launch its own temporary profile (user data dir). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath!,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--disable-dev-shm-usage',
    ],
  })
}
