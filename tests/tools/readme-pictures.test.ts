// The README's pictures come from `npm run demo -- --headless` (issue 17.9): every picture it
// shows is one of the files the demo writes (tools/demo/demo-files.ts), kept under the same name
// in docs/screenshots/, and every picture file it names is one the demo writes.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_FILES } from '../../tools/demo/demo-files';

import { ROOT } from '../support/paths';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const SHOTS = join(ROOT, 'docs', 'screenshots');

describe('README pictures', () => {
  it('shows only pictures the demo writes, kept in docs/screenshots/', () => {
    const shown = [...README.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
    expect(shown.length).toBeGreaterThan(0);
    for (const path of shown) {
      expect(path.startsWith('docs/screenshots/'), path).toBe(true);
      expect(DEMO_FILES, path).toContain(basename(path));
      expect(existsSync(join(ROOT, path)), path).toBe(true);
    }
  });

  it('names no picture file the demo does not write', () => {
    // File names, not web addresses (the Security section quotes a page's https://…/x.png).
    const named = [...README.matchAll(/[\w./:-]+\.(?:png|jpe?g|gif|webp)\b/g)]
      .map((m) => m[0])
      .filter((name) => !name.includes('://'))
      .map((name) => basename(name));
    expect(named.filter((name) => !DEMO_FILES.includes(name))).toEqual([]);
  });

  it('keeps no stale picture: every file in docs/screenshots/ is one the demo writes', () => {
    expect(readdirSync(SHOTS).filter((name) => !DEMO_FILES.includes(name))).toEqual([]);
  });
});
