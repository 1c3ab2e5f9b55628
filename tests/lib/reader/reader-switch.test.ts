import { describe, expect, it } from 'vitest';
import { readerSwitch, type ReaderActions } from '../../../lib/reader/reader-switch';

/** An overlay that takes a turn of the event loop to open and counts what is up. */
function fakeOverlay(failOpen = () => false) {
  const calls: string[] = [];
  let up = 0;
  const actions: ReaderActions = {
    async show() {
      calls.push('show');
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (failOpen()) throw new Error('could not open');
      up += 1;
    },
    hide() {
      calls.push('hide');
      up -= 1;
    },
  };
  return { actions, calls, up: () => up };
}

describe('readerSwitch', () => {
  it('toggles on and off', async () => {
    const overlay = fakeOverlay();
    const reader = readerSwitch(overlay.actions);
    expect(await reader.toggle()).toBe(true);
    expect(overlay.up()).toBe(1);
    expect(await reader.toggle()).toBe(false);
    expect(overlay.up()).toBe(0);
  });

  it.each([1, 2, 7, 8, 15])('%i toggles at once end in the state they imply, with one overlay at most', async (n) => {
    const overlay = fakeOverlay();
    const reader = readerSwitch(overlay.actions);
    const answers = await Promise.all(Array.from({ length: n }, () => reader.toggle()));
    const on = n % 2 === 1;
    expect(reader.shown).toBe(on);
    expect(reader.wanted).toBe(on);
    expect(overlay.up()).toBe(on ? 1 : 0);
    // The last answer is the final state (what the background records last).
    expect(answers.at(-1)).toBe(on);
    // And one more toggle flips it.
    expect(await reader.toggle()).toBe(!on);
    expect(overlay.up()).toBe(on ? 0 : 1);
  });

  it('reports the state toggles imply while the overlay is still opening', async () => {
    const overlay = fakeOverlay();
    const reader = readerSwitch(overlay.actions);
    const first = reader.toggle();
    expect(reader.wanted).toBe(true);
    expect(reader.shown).toBe(false);
    const second = reader.toggle();
    expect(reader.wanted).toBe(false);
    await Promise.all([first, second]);
    expect(reader.shown).toBe(false);
  });

  it('closed from inside the page: off, and the next toggle opens', async () => {
    const overlay = fakeOverlay();
    const reader = readerSwitch(overlay.actions);
    await reader.toggle();
    reader.close();
    reader.close(); // Esc and the dialog's close event both land here
    expect(overlay.up()).toBe(0);
    expect(overlay.calls).toEqual(['show', 'hide']);
    expect(await reader.toggle()).toBe(true);
  });

  it('a close while opening wins: the overlay comes down again', async () => {
    const overlay = fakeOverlay();
    const reader = readerSwitch(overlay.actions);
    const opening = reader.toggle();
    reader.close();
    expect(await opening).toBe(false);
    expect(overlay.up()).toBe(0);
  });

  it('a failed open leaves it off, and the next toggle tries to open again', async () => {
    let fail = true;
    const overlay = fakeOverlay(() => fail);
    const reader = readerSwitch(overlay.actions);
    await expect(reader.toggle()).rejects.toThrow('could not open');
    expect(reader.wanted).toBe(false);
    fail = false;
    expect(await reader.toggle()).toBe(true);
    expect(overlay.up()).toBe(1);
  });
});
