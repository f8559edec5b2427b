/**
 * Shared support for the API specs: fixtures, a validator built from the server's own OpenAPI
 * document, raw-socket requests (for bodies no HTTP client will send), a second server
 * with other settings (LABS_API_TOKENS...), and nginx with the shipped configuration.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import {
  createWriteStream,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import * as z from 'zod';

interface GoldenCase {
  readonly id: string;
  readonly panel: { readonly patient?: { readonly name?: string } } & Record<string, unknown>;
  readonly expected: ReadonlyArray<{ readonly analyte: string; readonly status: string }>;
}
interface InvalidCase {
  readonly id: string;
  readonly panel: unknown;
  readonly errors: ReadonlyArray<{ readonly path: string; readonly code: string }>;
}
interface Sentinels {
  readonly names: readonly string[];
  readonly values: readonly string[];
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

/** The golden panels (real-looking patient names: the privacy check looks for them). */
export const golden = readJson<GoldenCase[]>('tests/fixtures/golden.json');
/** Panels the library must reject, with the error paths it must report. */
export const invalidPanels = readJson<InvalidCase[]>('tests/fixtures/invalid-panels.json');
/** Names and values that must never reach the server log. */
export const sentinels = readJson<Sentinels>('tests/fixtures/privacy-sentinels.json');

/**
 * A panel carrying every privacy sentinel: the names as patient and clinician, the values as
 * results, so that a log line quoting the body would fail the log check.
 */
export function sentinelPanel(nameIndex = 0): Record<string, unknown> {
  const [vitaminD = '37.123', b12 = '412.987', magnesium = '1.4321'] = sentinels.values;
  return {
    patient: { name: sentinels.names[nameIndex % sentinels.names.length] },
    clinician: { name: sentinels.names[(nameIndex + 1) % sentinels.names.length] },
    results: [
      { analyte: 'vitamin-d', value: Number(vitaminD), unit: 'ng/mL' },
      { analyte: 'vitamin-b12', value: Number(b12), unit: 'pg/mL' },
      { analyte: 'magnesium', value: Number(magnesium), unit: 'mg/dL' },
    ],
  };
}

/** Checks a value against one schema of the OpenAPI document; returns the problems found. */
export type SchemaCheck = (schemaId: string, value: unknown) => string[];

/**
 * Builds a validator from the server's own /api/openapi.json, so the test checks the document
 * the server publishes rather than a copy. zod resolves `#/$defs/` references only, so the
 * component references are rewritten to that form.
 * @param request - Playwright's request fixture
 * @param headers - extra headers (a token, for the protected server)
 * @returns the checker and the document
 */
export async function loadSchemaCheck(
  request: APIRequestContext,
  headers: Record<string, string> = {},
): Promise<{ check: SchemaCheck; document: Record<string, unknown> }> {
  const response = await request.get('/api/openapi.json', { headers });
  if (response.status() !== 200) throw new Error(`openapi.json answered ${response.status()}`);
  const document = (await response.json()) as { components: { schemas: object } };
  const defs = JSON.parse(
    JSON.stringify(document.components.schemas).replaceAll('#/components/schemas/', '#/$defs/'),
  ) as NonNullable<z.core.JSONSchema.BaseSchema['$defs']>;
  const cache = new Map<string, z.ZodType>();
  const check: SchemaCheck = (schemaId, value) => {
    let schema = cache.get(schemaId);
    if (schema === undefined) {
      if (!(schemaId in defs)) return [`no schema ${schemaId} in the document`];
      schema = z.fromJSONSchema({ $defs: defs, $ref: `#/$defs/${schemaId}` });
      cache.set(schemaId, schema);
    }
    const parsed = schema.safeParse(value);
    return parsed.success
      ? []
      : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  };
  return { check, document: document as Record<string, unknown> };
}

/** The port of the suite's own server (see playwright.config.ts). */
export const suitePort = Number(process.env.E2E_PORT ?? 3100);

/** What came back on a raw socket. */
export interface RawResponse {
  readonly status: number;
  readonly headers: string;
  readonly body: string;
}

/**
 * Sends bytes on a raw TCP connection (for requests an HTTP client refuses to send: bodies
 * shorter than their Content-Length, bodies that never end) and reads until the server closes
 * or `waitMs` passes.
 * @param port - the server port
 * @param chunks - what to write, in order
 * @param options - `endWrite` half-closes after writing; `waitMs` caps the wait
 * @returns the parsed status line, headers and body (status 0 when nothing came back)
 */
export function sendRaw(
  port: number,
  chunks: ReadonlyArray<string | Buffer>,
  options: { readonly endWrite?: boolean; readonly waitMs?: number } = {},
): Promise<RawResponse> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const received: Buffer[] = [];
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(received).toString('utf8');
      const [head = '', ...rest] = text.split('\r\n\r\n');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0);
      resolve({ status, headers: head, body: rest.join('\r\n\r\n') });
    };
    const timer = setTimeout(finish, options.waitMs ?? 5_000);
    socket.on('data', (chunk: Buffer) => {
      received.push(chunk);
      if (isComplete(Buffer.concat(received).toString('latin1'))) finish();
    });
    // A write error (the server answered early and stopped reading) is followed by 'close';
    // whatever arrived before it is still read.
    socket.on('error', () => undefined);
    socket.on('close', finish);
    socket.on('connect', () => {
      for (const chunk of chunks) socket.write(chunk);
      if (options.endWrite === true) socket.end();
    });
  });
}

/** Whether a response (head and a Content-Length or chunked body) has fully arrived. */
function isComplete(text: string): boolean {
  const headEnd = text.indexOf('\r\n\r\n');
  if (headEnd === -1) return false;
  const head = text.slice(0, headEnd).toLowerCase();
  const body = text.slice(headEnd + 4);
  const length = /\r\ncontent-length: *(\d+)/.exec(head)?.[1];
  if (length !== undefined) return body.length >= Number(length);
  if (/\r\ntransfer-encoding: *chunked/.test(head)) return /(^|\r\n)0\r\n\r\n$/.test(body);
  return false;
}

/** A free TCP port on the loopback interface. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A second server, started by a spec. */
export interface ExtraServer {
  readonly baseURL: string;
  stop(): Promise<void>;
}

/**
 * Starts the production start (scripts/start.mjs: the standalone server) with `-p PORT -H
 * 127.0.0.1`, as the suite's own server runs.
 * @param port - the port to listen on
 * @param env - extra environment
 * @returns the child process
 */
export function spawnStart(port: number, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['scripts/start.mjs', '-p', String(port), '-H', '127.0.0.1'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
  });
}

/**
 * Starts another server on the same build with extra environment, its output appended to
 * test-results/server.log like the suite's server, so the privacy check covers it too.
 * @param env - extra environment (e.g. LABS_API_TOKENS)
 * @returns the server's base URL and a stop function
 */
export async function startExtraServer(env: Record<string, string>): Promise<ExtraServer> {
  const port = await findFreePort();
  mkdirSync('test-results', { recursive: true });
  const log = createWriteStream('test-results/server.log', { flags: 'a' });
  const child = spawnStart(port, env);
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const baseURL = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(baseURL, () => child.exitCode !== null);
  } catch (error) {
    child.kill('SIGTERM');
    throw error;
  }
  return {
    baseURL,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
      log.end();
    },
  };
}

/** Waits until `${baseURL}/api/health` answers 200; throws after 60 s or once `gone()`. */
async function waitForHealth(baseURL: string, gone: () => boolean): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const response = await fetch(`${baseURL}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || gone()) throw new Error(`${baseURL} did not start`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Starts Debian's nginx with deploy/nginx.conf as shipped except for its ports: it listens on
 * a free loopback port and passes requests to `upstreamPorts`.
 * @param upstreamPorts - the app instances behind it
 * @returns nginx's base URL and port, and a stop function
 */
export async function startNginx(
  upstreamPorts: readonly number[],
): Promise<ExtraServer & { readonly port: number }> {
  const port = await findFreePort();
  const prefix = mkdtempSync(join(tmpdir(), 'labs-e2e-nginx-'));
  mkdirSync(join(prefix, 'tmp'));
  const shipped = readFileSync('deploy/nginx.conf', 'utf8');
  const upstreams = upstreamPorts.map((p) => `server 127.0.0.1:${p};`).join('\n    ');
  const config = shipped
    .replace(/listen 127\.0\.0\.1:\d+;/, `listen 127.0.0.1:${port};`)
    .replace(/(server 127\.0\.0\.1:\d+[^;]*;\s*)+/, `${upstreams}\n    `);
  if (config === shipped) throw new Error('deploy/nginx.conf: listen or server lines not found');
  writeFileSync(join(prefix, 'nginx.conf'), config);
  const child = spawn(
    NGINX,
    ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-g', 'daemon off;'],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let errors = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const baseURL = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(baseURL, () => child.exitCode !== null);
  } catch (error) {
    child.kill('SIGTERM');
    throw new Error(`${String(error)}\n${errors}`);
  }
  return {
    baseURL,
    port,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}

/** Debian's nginx (apt-get install nginx); NGINX overrides the path. */
export const NGINX = process.env.NGINX ?? '/usr/sbin/nginx';
