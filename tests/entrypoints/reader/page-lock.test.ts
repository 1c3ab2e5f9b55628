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

  it('overrides what would hide the reader on html and body, only while locked, and only where needed', () => {
    document.body.setAttribute('style', 'display: none !important; color: red');
    document.documentElement.setAttribute('style', 'visibility: hidden');
    const lock = lockPage(document, window);
    expect(document.body.style.getPropertyValue('display')).toBe('block');
    expect(document.body.style.getPropertyPriority('display')).toBe('important');
    expect(document.documentElement.style.getPropertyValue('visibility')).toBe('visible');
    // Already safe: left alone.
    expect(document.documentElement.style.getPropertyValue('display')).toBe('');
    lock.restore();
    expect(document.body.getAttribute('style')).toBe('display: none !important; color: red');
    expect(document.documentElement.getAttribute('style')).toBe('visibility: hidden');
  });

  it('puts back the overridden properties with their priority when the page changed its style meanwhile', () => {
    document.body.setAttribute('style', 'display: none !important');
    const lock = lockPage(document, window);
    document.body.style.setProperty('color', 'blue');
    lock.restore();
    expect(document.body.style.getPropertyValue('color')).toBe('blue');
    expect(document.body.style.getPropertyValue('display')).toBe('none');
    expect(document.body.style.getPropertyPriority('display')).toBe('important');
    expect(document.body.style.getPropertyValue('overflow')).toBe('');
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
