// A minimal Marionette client: Firefox's own remote protocol, spoken over plain TCP, so the
// Firefox test needs no WebSocket package (Node 20 has no global WebSocket) and no geckodriver.
// Playwright's firefox driver only works with its patched Firefox, not Debian's firefox-esr.
// Protocol: every packet is `<byte length>:<JSON>`; the server first sends a hello object, then
// answers each command [0, id, name, params] with [1, id, error, result].
// Spec: https://firefox-source-docs.mozilla.org/testing/marionette/Protocol.html
import { connect, type Socket } from 'node:net';

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  name: string;
}

export class Marionette {
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private hello: ((packet: unknown) => void) | null = null;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('close', () => this.failAll(new Error('Marionette connection closed')));
    socket.on('error', (error) => this.failAll(error));
  }

  /** Connects to 127.0.0.1:port and waits for the server's hello. */
  static async connect(port: number): Promise<Marionette> {
    const socket = connect({ host: '127.0.0.1', port });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    const client = new Marionette(socket);
    const hello = await new Promise<unknown>((resolve) => (client.hello = resolve));
    const protocol = (hello as { marionetteProtocol?: number }).marionetteProtocol;
    if (protocol !== 3) throw new Error(`unexpected Marionette hello: ${JSON.stringify(hello)}`);
    return client;
  }

  /** Sends one command and resolves with its result, or rejects with Firefox's error. */
  command<T = unknown>(name: string, params: object = {}): Promise<T> {
    const id = this.nextId++;
    const json = JSON.stringify([0, id, name, params]);
    this.socket.write(`${Buffer.byteLength(json)}:${json}`);
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, name });
    });
  }

  /** Runs `body` (a function body; `arguments` holds args) in the current context. */
  async execute<T>(body: string, args: unknown[] = []): Promise<T> {
    const { value } = await this.command<{ value: T }>('WebDriver:ExecuteScript', {
      script: body,
      args,
    });
    return value;
  }

  close(): void {
    this.socket.destroy();
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const colon = this.buffer.indexOf(0x3a); // ':'
      if (colon < 0) return;
      const length = Number(this.buffer.subarray(0, colon).toString('ascii'));
      if (this.buffer.length < colon + 1 + length) return;
      const body = this.buffer.subarray(colon + 1, colon + 1 + length).toString('utf8');
      this.buffer = this.buffer.subarray(colon + 1 + length);
      this.dispatch(JSON.parse(body));
    }
  }

  private dispatch(packet: unknown): void {
    if (!Array.isArray(packet)) {
      this.hello?.(packet);
      this.hello = null;
      return;
    }
    const [, id, error, result] = packet as [number, number, { error: string; message: string } | null, unknown];
    const waiter = this.pending.get(id);
    if (!waiter) return;
    this.pending.delete(id);
    if (error) waiter.reject(new Error(`${waiter.name}: ${error.error}: ${error.message}`));
    else waiter.resolve(result);
  }

  private failAll(error: Error): void {
    for (const waiter of this.pending.values()) waiter.reject(error);
    this.pending.clear();
  }
}
