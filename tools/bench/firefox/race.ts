// `npm run bench -- --firefox`: issue 16's race against Firefox's own Reader View, in one
// firefox-esr (headless, Marionette: tests/support/firefox-*.ts) with Sift's Firefox test build
// installed. For each fixture and ~30 corpus pages, the user's action to the article's title
// painted (scripts.ts says how both ends are taken, the same for all three), for:
//   firefox: Reader View from its toolbar button (the page parsed in a worker, then about:reader),
//   popup:   Sift's popup page opened for the tab (extraction included: a first opening),
//   reader:  Sift's reader mode from its keyboard shortcut.
// Each timed opening starts from a fresh load of the page. With `warm`, one untimed round goes
// first on every page, so the page's bytes and each contender's scripts are cached alike.
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { buildFirefox } from '../../../tests/support/firefox-build';
import { findFirefox, launchFirefox, type RunningFirefox } from '../../../tests/support/firefox-launch';
import type { Marionette } from '../../../tests/support/firefox-marionette';
import { REPO } from '../../chromium/pages';
import { racePages, serveRacePages, type RacePageSource } from './pages';
import type { FirefoxRace, RacePage } from './ratios';
import * as S from './scripts';

export interface RaceOptions {
  build: boolean;
  quick: boolean;
  only: RegExp | null;
  log: (msg: string) => void;
}

const WAIT_MS = 10_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const load1 = () => Number(loadavg()[0].toFixed(2));

const na = (reason: string, skipped: string[] = []): FirefoxRace => ({ status: 'n/a', reason, rounds: 0, warm: false, pages: [], refused: [], errors: [], skipped, loadAverage: null });

async function firefoxBuild(build: boolean): Promise<string> {
  const outDir = join(REPO, '.output/bench-firefox');
  const built = join(outDir, 'e2e-firefox-mv2');
  if (!build && existsSync(join(built, 'manifest.json'))) return built;
  return buildFirefox(outDir, { e2e: true });
}

export async function raceFirefox(opts: RaceOptions): Promise<FirefoxRace> {
  const binary = findFirefox();
  if (!binary) return na('firefox-esr is not installed (apt-get install firefox-esr)');
  const { pages, skipped } = racePages(opts.quick ? 5 : 15, opts.only);
  for (const s of skipped) opts.log(s);
  if (!pages.length) return na('no page to race', skipped);
  opts.log(`bench: Firefox race: building Sift's Firefox test build…`);
  const extDir = await firefoxBuild(opts.build);
  const server = await serveRacePages(pages);
  let firefox: RunningFirefox | undefined;
  try {
    firefox = await launchFirefox(binary, server.port);
    const race = new Race(firefox.marionette, server.origin);
    await race.setUp(extDir);
    const rounds = opts.quick ? 1 : 2;
    const warm = !opts.quick;
    const result: FirefoxRace = { status: 'ok', firefoxVersion: firefox.version, rounds, warm, pages: [], refused: [], errors: [], skipped, loadAverage: null };
    const startLoad = load1();
    opts.log(`bench: Firefox ${firefox.version}: ${pages.length} pages, ${warm ? 'a warm round then ' : ''}${rounds} timed round(s) each…`);
    for (const [i, src] of pages.entries()) {
      try {
        const page = await race.racePage(src, rounds, warm);
        if (page === 'refused') result.refused.push(src.id);
        else result.pages.push(page);
      } catch (err) {
        result.errors.push({ id: src.id, error: (err as Error).message.split('\n')[0] });
        await race.recover().catch(() => {});
      }
      if ((i + 1) % 10 === 0 || i + 1 === pages.length) opts.log(`  ${i + 1}/${pages.length} pages`);
    }
    result.loadAverage = [startLoad, load1()];
    return result;
  } catch (err) {
    return na(`Firefox race failed: ${(err as Error).message.split('\n')[0]}`, skipped);
  } finally {
    // The browser is always closed, whatever happened above.
    await firefox?.close().catch(() => {});
    await server.close();
  }
}

class Race {
  private id = '';
  private host = '';
  private tabId = -1;
  private pageWindow = '';
  private context: 'chrome' | 'content' = 'content';

  constructor(private readonly m: Marionette, private readonly origin: string) {}

  async setUp(extDir: string) {
    this.id = (await this.m.command<{ value: string }>('Addon:Install', { path: extDir, temporary: true })).value;
    await this.chrome(`Services.prefs.setBoolPref('privacy.reduceTimerPrecision', false);`);
    this.pageWindow = (await this.m.command<{ value: string }>('WebDriver:GetWindowHandle')).value;
    await this.navigate(`${this.origin}/`).catch(() => {});
    ({ host: this.host, tabId: this.tabId } = await this.chrome<{ host: string; tabId: number }>(S.EXTENSION_TAB, [this.id]));
  }

  /** Back to the page's tab after a failure (a popup tab left open is closed). */
  async recover() {
    await this.setContext('content');
    const { value: handles } = await this.m.command<{ value: string[] }>('WebDriver:GetWindowHandles');
    for (const h of handles.filter((x) => x !== this.pageWindow)) {
      await this.m.command('WebDriver:SwitchToWindow', { handle: h });
      await this.m.command('WebDriver:CloseWindow');
    }
    await this.m.command('WebDriver:SwitchToWindow', { handle: this.pageWindow, focus: true });
  }

  async racePage(src: RacePageSource, rounds: number, warm: boolean): Promise<RacePage | 'refused'> {
    const url = this.origin + src.path;
    await this.load(url);
    if (!(await this.poll(() => this.chrome<boolean>(S.FIREFOX_IS_ARTICLE), (v) => v, 3000))) return 'refused';
    const page: RacePage = { id: src.id, lang: src.lang, samples: { firefox: [], popup: [], reader: [] }, failures: {}, late: {}, phases: { firefox: [], popup: [], reader: [] } };
    for (let round = warm ? -1 : 0; round < rounds; round++) {
      for (const who of ['firefox', 'popup', 'reader'] as const) {
        const answer = await this.open(who, url);
        if (round < 0) continue;
        if ('paintedAt' in answer) {
          page.samples[who].push(answer.paintedAt - answer.at);
          page.phases[who].push({ docMs: answer.docAt - answer.at, firstPaintMs: answer.firstPaintAt == null ? null : answer.firstPaintAt - answer.at });
          if (answer.late) page.late[who] = (page.late[who] ?? 0) + 1;
        } else (page.failures[who] ??= []).push('timeout' in answer ? 'timeout' : 'error' in answer ? answer.error : 'wrong document');
      }
    }
    return page;
  }

  /** One timed opening by `who`, from a fresh load of the page. */
  private async open(who: S.Contender, url: string): Promise<S.WaitAnswer & { at: number }> {
    await this.load(url);
    if (who === 'firefox') {
      await this.poll(() => this.chrome<boolean>(S.FIREFOX_IS_ARTICLE), (v) => v, 3000);
      const at = await this.chrome<number>(S.TOGGLE_FIREFOX_READER);
      return { ...(await this.waitTitle(who, 'about:reader?')), at };
    }
    // Sift's state for this load is recorded (its badge is set, never "ON" from the last round):
    // else the shortcut would read the last round's "on" and toggle it off.
    await this.poll(() => this.chrome<string>(S.SIFT_BADGE, [this.id]), (b) => b !== '' && b !== 'ON', 3000);
    if (who === 'reader') {
      const at = await this.chrome<number>(S.TOGGLE_SIFT_READER, [this.id]);
      return { ...(await this.waitTitle(who, url)), at };
    }
    await this.setContext('content');
    const { handle } = await this.m.command<{ handle: string }>('WebDriver:NewWindow', { type: 'tab', focus: true });
    await this.m.command('WebDriver:SwitchToWindow', { handle, focus: true });
    try {
      const popup = `moz-extension://${this.host}/popup.html?tab=${this.tabId}`;
      const at = await this.chrome<number>(S.OPEN_POPUP, [popup]);
      return { ...(await this.waitTitle(who, popup)), at };
    } finally {
      await this.setContext('content');
      await this.m.command('WebDriver:CloseWindow');
      await this.m.command('WebDriver:SwitchToWindow', { handle: this.pageWindow, focus: true });
    }
  }

  /** Asks the tab's document until the one that shows the article answers (or the time is up). */
  private async waitTitle(who: S.Contender, prefix: string): Promise<S.WaitAnswer> {
    await this.setContext('content');
    const until = Date.now() + WAIT_MS;
    let last: S.WaitAnswer = { timeout: true };
    while (Date.now() < until) {
      try {
        const { value } = await this.m.command<{ value: S.WaitAnswer }>('WebDriver:ExecuteAsyncScript', {
          script: S.WAIT_FOR_TITLE,
          args: [who, prefix, Math.max(0, until - Date.now())],
        });
        last = value;
        if (!('wrongDocument' in value)) return value;
      } catch {
        // The document went away under the script (the navigation to the article): ask the next.
      }
    }
    return last;
  }

  private async load(url: string) {
    await this.setContext('content');
    await this.navigate(url);
  }

  private navigate(url: string) {
    return this.m.command('WebDriver:Navigate', { url });
  }

  private async setContext(value: 'chrome' | 'content') {
    if (this.context === value) return;
    await this.m.command('Marionette:SetContext', { value });
    this.context = value;
  }

  private async chrome<T>(script: string, args: unknown[] = []): Promise<T> {
    await this.setContext('chrome');
    return this.m.execute<T>(script, args);
  }

  private async poll<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms: number): Promise<T> {
    let v = await read();
    for (const until = Date.now() + ms; !ok(v) && Date.now() < until; ) {
      await sleep(50);
      v = await read();
    }
    return v;
  }
}
