/**
 * A real HTTP proxy for tests (the `proxy` package): CONNECT tunnels and plain
 * HTTP forwarding on a free loopback port, optional Basic authentication, and
 * a count of the requests it let through per target host.
 */
import { createServer, type IncomingMessage } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { createProxy } from 'proxy';

export interface TestProxy {
  /** `http://127.0.0.1:PORT`, without credentials. */
  readonly url: string;
  readonly port: number;
  /** `http://user:password@127.0.0.1:PORT` when auth is on, else `url`. */
  readonly authUrl: string;
  /** Requests passed through, per target `host:port` (CONNECT tunnels and forwarded requests). */
  readonly passed: Map<string, number>;
  /** Requests refused for missing or wrong credentials. */
  readonly refused: () => number;
  /** Sum of `passed`. */
  total(): number;
  close(): Promise<void>;
}

export interface TestProxyOptions {
  /** Require `Proxy-Authorization: Basic` with these credentials. */
  readonly auth?: { user: string; password: string };
  /** Serve the proxy itself over TLS (`https://`) with this certificate and key. */
  readonly tls?: { cert: string; key: string };
}

function targetOf(req: IncomingMessage): string {
  if (req.method === 'CONNECT') return req.url ?? '';
  try {
    return new URL(req.url ?? '').host;
  } catch {
    return req.headers.host ?? '';
  }
}

export async function startTestProxy(options: TestProxyOptions = {}): Promise<TestProxy> {
  const server = createProxy(options.tls ? createHttpsServer(options.tls) : createServer());
  const passed = new Map<string, number>();
  const sockets = new Set<Socket>();
  let refused = 0;
  const expected = options.auth ? `Basic ${Buffer.from(`${options.auth.user}:${options.auth.password}`).toString('base64')}` : undefined;
  server.authenticate = (req) => {
    const ok = !expected || req.headers['proxy-authorization'] === expected;
    if (ok) passed.set(targetOf(req), (passed.get(targetOf(req)) ?? 0) + 1);
    else refused++;
    return ok;
  };
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const scheme = options.tls ? 'https' : 'http';
  const url = `${scheme}://127.0.0.1:${port}`;
  const auth = options.auth;
  let closed: Promise<void> | undefined;
  return {
    url,
    port,
    authUrl: auth ? `${scheme}://${encodeURIComponent(auth.user)}:${encodeURIComponent(auth.password)}@127.0.0.1:${port}` : url,
    passed,
    refused: () => refused,
    total: () => [...passed.values()].reduce((a, b) => a + b, 0),
    close() {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
      return closed;
    },
  };
}
