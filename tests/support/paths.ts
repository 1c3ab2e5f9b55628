// Where things are, for every test and tool: the repository's root, the fixtures it keeps, and
// ../shared beside the clone (the corpus and the security vectors, never copied in: see README).
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = join(ROOT, 'tests/fixtures');
export const SHARED = resolve(ROOT, '../shared');
export const CORPUS_PAGES = join(SHARED, 'corpus/pages');
export const SECURITY_VECTORS = join(SHARED, 'security/vectors.json');
