// Setup file of the unit project (vitest.config.ts): its happy-dom window, repaired before any test.
import { repairHappyDom } from './happy-dom';

repairHappyDom(window);
