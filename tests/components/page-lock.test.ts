import { afterEach, describe, expect, it, vi } from 'vitest';
import { lockPage } from '@/entrypoints/reader/page-lock';

afterEach(() => {
  document.documentElement.removeAttribute('style');
  document.body.removeAttribute('style');
  document.body.innerHTML = '';
});

describe('lockPage', () => {
  it('hides the overflow, then gives back the exact style attributes (or none)', () => {
    document.body.setAttribute('style', 'color:  red ;margin:0');
    const before = document.documentElement.outerHTML;
    const lock = lockPage(document, window);
    expect(document.documentElement.style.getPropertyValue('overflow')).toBe('hidden');
    expect(document.body.style.getPropertyValue('overflow')).toBe('hidden');
    lock.restore();
    expect(document.documentElement.hasAttribute('style')).toBe(false);
    expect(document.body.getAttribute('style')).toBe('color:  red ;margin:0');
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it("keeps the page's own later style changes and undoes only the overflow", () => {
    document.body.setAttribute('style', 'overflow: auto');
    const lock = lockPage(document, window);
    document.body.style.setProperty('color', 'blue');
    lock.restore();
    expect(document.body.style.getPropertyValue('color')).toBe('blue');
    expect(document.body.style.getPropertyValue('overflow')).toBe('auto');
  });

  it('scrolls back to where the page was and refocuses what had focus', () => {
    document.body.innerHTML = '<input id="a"><button id="b">b</button>';
    const input = document.getElementById('a') as HTMLInputElement;
    input.focus();
    const scrollTo = vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
    Object.defineProperty(window, 'scrollY', { value: 321, configurable: true });
    const lock = lockPage(document, window);
    (document.getElementById('b') as HTMLButtonElement).focus();
    lock.restore();
    expect(scrollTo).toHaveBeenCalledWith({ left: window.scrollX, top: 321, behavior: 'instant' });
    expect(document.activeElement).toBe(input);
    scrollTo.mockRestore();
  });
});
