/** A test certificate authority generated at start, and a server certificate for 127.0.0.1/localhost it signs. */
import { generate } from 'selfsigned';

export interface TestCertificates {
  /** PEM of the test CA: what clients must trust. */
  caPem: string;
  /** The server's certificate (PEM) and private key (PEM). */
  cert: string;
  key: string;
}

const DAY = 24 * 60 * 60 * 1000;

/** Generates a fresh CA and a server certificate for `hosts` (IP addresses and DNS names), valid for two days. */
export async function generateTestCertificates(hosts: readonly string[] = ['127.0.0.1', 'localhost', '::1']): Promise<TestCertificates> {
  const notBeforeDate = new Date(Date.now() - DAY);
  const notAfterDate = new Date(Date.now() + 2 * DAY);
  const ca = await generate([{ name: 'commonName', value: 'License Manager emulator test CA' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ],
  });
  const server = await generate([{ name: 'commonName', value: hosts[0] }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: hosts.map((h) => (/^[\d.]+$|:/.test(h) ? { type: 7 as const, ip: h } : { type: 2 as const, value: h })),
      },
    ],
  });
  return { caPem: ca.cert, cert: server.cert, key: server.private };
}
