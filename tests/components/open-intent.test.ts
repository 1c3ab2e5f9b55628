import { describe, expect, it } from 'vitest';
import { openIntent, type ClickLike } from '@/components/open-intent';

const click = (over: Partial<ClickLike> = {}): ClickLike => ({
  button: 0,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...over,
});

describe('openIntent', () => {
  it('opens a plain click (and Enter, which clicks) in a background tab', () => {
    expect(openIntent(click())).toEqual({ active: false, newWindow: false });
  });

  it('treats Ctrl-click, Cmd-click and middle-click as "open in a background tab"', () => {
    for (const c of [click({ ctrlKey: true }), click({ metaKey: true }), click({ button: 1 })]) {
      expect(openIntent(c)).toEqual({ active: false, newWindow: false });
    }
  });

  it('brings the tab to the front when Shift is added to Ctrl/Cmd or the middle button', () => {
    expect(openIntent(click({ ctrlKey: true, shiftKey: true }))).toEqual({ active: true, newWindow: false });
    expect(openIntent(click({ button: 1, shiftKey: true }))).toEqual({ active: true, newWindow: false });
  });

  it('opens Shift-click in a new window', () => {
    expect(openIntent(click({ shiftKey: true }))).toEqual({ active: true, newWindow: true });
  });

  it('leaves Alt-click and other buttons to the browser', () => {
    expect(openIntent(click({ altKey: true }))).toBeNull();
    expect(openIntent(click({ button: 2 }))).toBeNull();
  });
});
