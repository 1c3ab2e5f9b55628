// Builds the Firefox extension as it ships (or, asked for, the test build) into its own directory.
// `wxt build` has no --outDir flag in 0.20.27, so this calls WXT's JS API in a child process:
// a separate outDir keeps it clear of the Chrome e2e build that may run at the same time into
// .output/, and a clean environment keeps vitest's NODE_ENV=test out of the build.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './paths';

const script = `
import { build } from 'wxt';
await build({ browser: 'firefox', mode: 'production', outDir: process.env.SIFT_FIREFOX_OUT_DIR });
`;

/**
 * Builds into `outDir` and returns the unpacked extension's directory (e.g. outDir/firefox-mv2).
 * `e2e`: the test build (wxt.config.ts SIFT_E2E: host access and `tabs`, since a test cannot
 * click the toolbar button to grant activeTab).
 */
export async function buildFirefox(outDir: string, { e2e = false }: { e2e?: boolean } = {}): Promise<string> {
  const env: NodeJS.ProcessEnv = { ...process.env, SIFT_FIREFOX_OUT_DIR: outDir };
  for (const name of Object.keys(env)) {
    if (name === 'NODE_ENV' || name === 'SIFT_E2E' || name.startsWith('VITEST')) delete env[name];
  }
  if (e2e) env.SIFT_E2E = '1';
  try {
    await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
      cwd: ROOT,
      env,
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`wxt build -b firefox failed:\n${stdout}\n${stderr}`);
  }
  const built = readdirSync(outDir).find(
    (name) => /^(e2e-)?firefox/.test(name) && existsSync(join(outDir, name, 'manifest.json')),
  );
  if (!built) throw new Error(`no Firefox build with a manifest.json in ${outDir}`);
  return join(outDir, built);
}
