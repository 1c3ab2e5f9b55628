// The reader view mounted in happy-dom for the component tests, as the popup mounts it: one root
// in the body, rendered inside act() so its effects have run when the test reads it.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { ReaderView } from '@/components/ReaderView';
import type { Extraction } from '@/lib/extract/types';
import { en } from './locale';

export function mountReaderView(extraction: Extraction, t = en): { root: HTMLDivElement; unmount: () => void } {
  const root = document.createElement('div');
  document.body.append(root);
  act(() => render(<ReaderView extraction={extraction} opened={new Set()} onOpenLink={() => {}} t={t} />, root));
  return { root, unmount: () => (render(null, root), root.remove()) };
}
