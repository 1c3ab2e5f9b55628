// Builds the test build of Sift once per `vitest run` (SIFT_E2E=1: host access and `tabs`, see
// wxt.config.ts) into .output/e2e-chrome-mv3, which the browser tests load.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { E2E_DIST, ROOT } from '../support/paths';

export default function setup() {
  const wxt = join(ROOT, 'node_modules', '.bin', 'wxt');
  execFileSync(wxt, ['build'], {
    cwd: ROOT,
    env: { ...process.env, SIFT_E2E: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (!existsSync(join(E2E_DIST, 'manifest.json'))) throw new Error(`wxt build did not produce ${E2E_DIST}`);
}
