// Every file `npm run demo -- --headless` writes into demo-output/, in one list: the demo checks
// it wrote each one, and tests/tools/readme-pictures.test.ts checks the README names no other.
import { RELATED_FILES } from './demo-related';
import { READING_FILES } from './demo-reading';

export const DEMO_FILES: readonly string[] = [
  'popup.png',
  'popup-related.png',
  'popup-overview.jpg',
  'settings.jpg',
  'reading-tools-top.png',
  'reading-tools-scrolled.png',
  'reading-tools.jpg',
  'reader-mode.png',
  'reader-mode.jpg',
  'state-reader-on.jpg',
  'state-not-article.jpg',
  'state-show-anyway.jpg',
  ...RELATED_FILES,
  ...READING_FILES,
];
