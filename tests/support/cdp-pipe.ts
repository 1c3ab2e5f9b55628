// Chromium driven over its DevTools pipe with nothing in between: no client attaches to a page
// unless asked. Playwright attaches to every new page and holds it until it has set the page up
// (a round trip to Node per navigation), which added 50-70 ms to the first paint of every popup
// and of an empty extension page on this machine (bench-popup.ts measures openings with this).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

interface Message {
  id?: number;
  method?: string;
  params?: any;
  result?: any;
  error?: { message: string };
  sessionId?: string;
}

export interface CdpEvent {
  method: string;
  params: any;
  sessionId?: string;
}

/** Longer than anything the bench waits for in a page (its own timeouts are 30 s at most). */
const SEND_TIMEOUT_MS = 90_000;

export class CdpPipe {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void; method: string }>();
  private readonly listeners = new Set<(event: CdpEvent) => void>();
  private closed = false;

  private constructor(
    private readonly proc: ChildProcess,
    private readonly userDir: string,
  ) {
    const input = proc.stdio[4] as Readable;
    let buffer = '';
    input.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let end;
      while ((end = buffer.indexOf('\0')) >= 0) {
        const message = JSON.parse(buffer.slice(0, end)) as Message;
        buffer = buffer.slice(end + 1);
        this.dispatch(message);
      }
    });
    proc.on('exit', () => this.fail(new Error('Chromium exited')));
    proc.on('error', (err) => this.fail(new Error(`Chromium did not start: ${err.message}`)));
  }

  /** Starts `executable` headless with `args` and a throwaway profile. */
  static launch(executable: string, args: string[]): CdpPipe {
    const userDir = mkdtempSync(join(tmpdir(), 'sift-cdp-'));
    const proc = spawn(executable, [...args, '--headless', '--remote-debugging-pipe', `--user-data-dir=${userDir}`, 'about:blank'], {
      stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'],
    });
    return new CdpPipe(proc, userDir);
  }

  private dispatch(message: Message) {
    if (message.id != null) {
      const waiter = this.pending.get(message.id);
      if (!waiter) return;
      this.pending.delete(message.id);
      if (message.error) waiter.reject(new Error(`${waiter.method}: ${message.error.message}`));
      else waiter.resolve(message.result);
    } else if (message.method) {
      for (const listener of this.listeners) listener({ method: message.method, params: message.params, sessionId: message.sessionId });
    }
  }

  private fail(err: Error) {
    this.closed = true;
    for (const waiter of this.pending.values()) waiter.reject(err);
    this.pending.clear();
  }

  /** Sends a command; rejects when Chromium has not answered in SEND_TIMEOUT_MS (a stuck command fails the step, not the run). */
  send<T = any>(method: string, params: object = {}, sessionId?: string): Promise<T> {
    if (this.closed) return Promise.reject(new Error(`${method}: Chromium is gone`));
    return new Promise<T>((resolve, reject) => {
      const id = this.nextId++;
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method}: no answer from Chromium in ${SEND_TIMEOUT_MS / 1000} s`));
      }, SEND_TIMEOUT_MS);
      const settle = <V>(fn: (v: V) => void) => (v: V) => {
        clearTimeout(timer);
        fn(v);
      };
      this.pending.set(id, { resolve: settle(resolve), reject: settle(reject), method });
      (this.proc.stdio[3] as Writable).write(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }) + '\0');
    });
  }

  on(listener: (event: CdpEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves with the first event that `match` accepts, or rejects after `timeoutMs`. */
  waitFor(match: (event: CdpEvent) => boolean, timeoutMs: number, what: string): Promise<CdpEvent> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
      }, SEND_TIMEOUT_MS);
      const off = this.on((event) => {
        if (!match(event)) return;
        clearTimeout(timer);
        off();
        resolve(event);
      });
    });
  }

  /** Evaluates `expression` in an attached session; awaits a promise it returns; returns the value. */
  async evaluate<T = unknown>(sessionId: string, expression: string): Promise<T> {
    const { result, exceptionDetails } = await this.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, sessionId);
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value as T;
  }

  async close(): Promise<void> {
    if (!this.closed) {
      this.send('Browser.close').catch(() => {});
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          this.proc.kill('SIGKILL');
          resolve();
        }, 5000);
        this.proc.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    rmSync(this.userDir, { recursive: true, force: true });
  }
}
