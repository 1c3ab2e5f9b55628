// Where things are, for every test and tool: the repository's root, the fixtures it keeps, the
// test build the browser tests load, and ../shared beside the clone (the corpus and the security
// vectors, never copied in: see README).
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = join(ROOT, 'tests/fixtures');
/** The test build of Sift (SIFT_E2E=1), made once per run by tests/e2e/global-setup.ts. */
export const E2E_DIST = join(ROOT, '.output', 'e2e-chrome-mv3');
export const SHARED = resolve(ROOT, '../shared');
export const CORPUS = join(SHARED, 'corpus');
export const CORPUS_PAGES = join(CORPUS, 'pages');
export const SECURITY_VECTORS = join(SHARED, 'security/vectors.json');
