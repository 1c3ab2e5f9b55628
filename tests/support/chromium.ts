// Where Debian's Chromium is and how every script here starts it (tests, benchmark, demo).
// Branded Google Chrome (137 on) ignores --load-extension, so it has to be Chromium (or Chrome for
// Testing). Without the background-networking flags Chromium keeps calling Google's hosts, which
// this machine's closed network refuses.
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';

export const INSTALL_HINT = `Install it (Debian/Ubuntu: apt-get install -y chromium) or set CHROME_PATH to a Chromium binary.`;

/** The Chromium binary; throws with an install hint when it is missing. */
export function chromiumPath(): string {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`No Chromium at ${CHROMIUM_PATH}. ${INSTALL_HINT}`);
  return CHROMIUM_PATH;
}

/** The flags for a quiet Chromium: no sandbox (root), no GPU, no calls home. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The flags that load an unpacked extension from `dist` (and no other). */
export function extensionFlags(dist: string): string[] {
  return [`--disable-extensions-except=${dist}`, `--load-extension=${dist}`];
}
