/**
 * Running the AWS CLI, whichever version is first on PATH, against a local emulator only.
 *
 * Every call names the emulator with `--endpoint-url`, which every CLI version honours (`endpoint_url`
 * in a profile is read from CLI v2 2.13.0 and v1 1.29.0 / botocore 1.31.0 on; older CLIs send to
 * AWS instead). Every call also goes out with HTTPS_PROXY/HTTP_PROXY naming a guard that refuses
 * and records any request for a host other than this machine's (NO_PROXY covers the loopback
 * addresses), so a request that would leave the machine fails and is named.
 */
import { execFile, execFileSync } from 'node:child_process';
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  json?: Record<string, unknown>;
}

/** A proxy that lets nothing through: it records the host of each request and refuses it. */
export interface OfflineGuard {
  readonly url: string;
  /** `host:port` (CONNECT) or URL (plain HTTP) of every request the CLI tried to send off this machine. */
  readonly attempts: string[];
  close(): Promise<void>;
}

export async function startOfflineGuard(): Promise<OfflineGuard> {
  const attempts: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let head = '';
    socket.on('data', (d: Buffer) => {
      head += d.toString('latin1');
      const line = /^(\S+) (\S+) HTTP\/1\.[01]\r?\n/.exec(head);
      if (!line) return;
      attempts.push(line[2]);
      socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    attempts,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The CLI's version: `aws-cli/2.9.19 … botocore/…` (v1 names its botocore; v2 bundles its own). */
export interface CliVersion {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  readonly text: string;
}

export function cliVersion(env: NodeJS.ProcessEnv = process.env): CliVersion {
  let text: string;
  try {
    text = execFileSync('aws', ['--version'], { env, stdio: 'pipe', encoding: 'utf8' }).trim();
  } catch (e) {
    throw new Error(`The AWS CLI (\`aws\`) is required for this test (Debian: apt-get install awscli): ${(e as Error).message}`);
  }
  const m = /aws-cli\/(\d+)\.(\d+)\.(\d+)/.exec(text);
  if (!m) throw new Error(`Cannot read the AWS CLI version from: ${text}`);
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), text };
}

/** Whether this CLI reads `endpoint_url` from a profile: v2 from 2.13.0, v1 from 1.29.0. */
export function readsConfiguredEndpoint(v: CliVersion): boolean {
  return v.major > 2 || (v.major === 2 ? v.minor >= 13 : v.major === 1 && v.minor >= 29);
}

/** The environment of a CLI call: no AWS_* or proxy variables of ours, the given files, and the guard as proxy. */
export function cliEnv(files: { configFile: string; credentialsFile: string }, guard: OfflineGuard, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('AWS_') && !/_proxy$/i.test(k)) env[k] = v;
  return {
    ...env,
    AWS_CONFIG_FILE: files.configFile,
    AWS_SHARED_CREDENTIALS_FILE: files.credentialsFile,
    HTTPS_PROXY: guard.url,
    HTTP_PROXY: guard.url,
    NO_PROXY: '127.0.0.1,localhost,::1',
    ...extra,
  };
}

/**
 * Runs `aws ARGS` with `env`; with `endpoint`, adds `--endpoint-url ENDPOINT` (which must be on this
 * machine). Without one, the CLI picks the endpoint itself: only for showing what it does.
 */
export function runAws(args: readonly string[], env: NodeJS.ProcessEnv, endpoint: string | undefined): Promise<CliResult> {
  if (endpoint !== undefined && !['127.0.0.1', 'localhost', '[::1]'].includes(new URL(endpoint).hostname)) {
    throw new Error(`The AWS CLI is only run against an emulator on this machine, not ${endpoint}`);
  }
  const full = [...args, ...(endpoint ? ['--endpoint-url', endpoint] : []), '--cli-connect-timeout', '10', '--cli-read-timeout', '20'];
  return new Promise((resolve) => {
    execFile('aws', full, { env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? Number((error as { code?: unknown }).code ?? 1) : 0;
      let json: Record<string, unknown> | undefined;
      try {
        json = stdout.trim() ? (JSON.parse(stdout) as Record<string, unknown>) : undefined;
      } catch {
        json = undefined;
      }
      resolve({ code, stdout, stderr, json });
    });
  });
}
