/** `npm run emulator -- [--port N] [--host H] [--seed FILE] [--latency MS] [--lag MS] [--throttle RATE] [--fail RATE] [--fail-after-commit RATE] [--hang OPS] [--reset OPS] [--html OPS] [--malformed OPS] [--oversize OPS] [--token-cycle OPS] [--write-aws-config DIR] [--clock ISO] [--tls] [--log]` */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseOperationList, type OpFault } from './faults';
import { startEmulator } from './index';

const USAGE =
  'Usage: npm run emulator -- [--port N] [--host H] [--seed FILE] [--latency MS] [--lag MS] [--throttle RATE] [--fail RATE] [--fail-after-commit RATE] [--hang OPS] [--reset OPS] [--html OPS] [--malformed OPS] [--oversize OPS] [--token-cycle OPS] [--write-aws-config DIR] [--clock ISO] [--tls] [--log]';

function num(name: string, v: string | undefined, max?: number): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n) || n < 0 || (max !== undefined && n > max)) {
    throw new Error(`--${name} must be a number${max !== undefined ? ` between 0 and ${max}` : ' ≥ 0'}, got "${v}"`);
  }
  return n;
}

/** `OPS`: comma-separated operation names, or `*` for every operation. */
function ops(fault: OpFault, v: string | undefined): string[] | undefined {
  return v === undefined ? undefined : parseOperationList(fault, v);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      seed: { type: 'string' },
      latency: { type: 'string' },
      lag: { type: 'string' },
      throttle: { type: 'string' },
      fail: { type: 'string' },
      'fail-after-commit': { type: 'string' },
      hang: { type: 'string' },
      reset: { type: 'string' },
      html: { type: 'string' },
      malformed: { type: 'string' },
      oversize: { type: 'string' },
      'token-cycle': { type: 'string' },
      'write-aws-config': { type: 'string' },
      clock: { type: 'string' },
      tls: { type: 'boolean' },
      log: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const emulator = await startEmulator({
    port: num('port', values.port, 65535) ?? 0,
    host: values.host,
    tls: values.tls,
    clock: values.clock,
    seed: values.seed ? resolve(values.seed) : undefined,
    latencyMs: num('latency', values.latency),
    lagMs: num('lag', values.lag),
    throttleRate: num('throttle', values.throttle, 1),
    failRate: num('fail', values.fail, 1),
    failAfterCommitRate: num('fail-after-commit', values['fail-after-commit'], 1),
    hang: ops('hang', values.hang),
    reset: ops('reset', values.reset),
    html: ops('html', values.html),
    malformed: ops('malformed', values.malformed),
    oversize: ops('oversize', values.oversize),
    tokenCycle: ops('tokenCycle', values['token-cycle']),
    onRequest: values.log
      ? (e) =>
          console.log(
            `${new Date(e.time).toISOString()} ${e.operation || '-'} ${e.profile ?? e.accessKeyId ?? '-'} ${e.region ?? '-'} ${e.status}${e.errorType ? ` ${e.errorType}` : ''}${e.fault ? ` fault=${e.fault}` : ''}`,
          )
      : undefined,
  });
  if (values['write-aws-config']) {
    const files = emulator.writeAwsConfig(resolve(values['write-aws-config']));
    console.log(`Wrote ${files.configFile} and ${files.credentialsFile} (profiles: ${files.profiles.join(', ')})`);
    if (files.caFile) console.log(`Wrote ${files.caFile} (the test CA; every profile's ca_bundle names it)`);
  }
  console.log(`License Manager emulator listening on ${emulator.url}`);
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`Received ${signal}, stopping.`);
    emulator.close().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error(`Stopping failed: ${e instanceof Error ? e.message : String(e)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e: unknown) => {
  console.error(`emulator: ${e instanceof Error ? e.message : String(e)}`);
  console.error(USAGE);
  process.exit(1);
});
