// Production start of ONE instance: the standalone server that `next build` writes
// (output: 'standalone' in next.config.mjs) at <distDir>/standalone/server.js. Scale out by
// running more instances behind a load balancer (deploy/nginx.conf, Dockerfile); the server keeps
// no state, so any instance can answer any request.
//
// Usage: node scripts/start.mjs [-p PORT] [-H HOST] [--prepare]
//   PORT / -p   port (default 3000)
//   HOST / -H   address to listen on (default 127.0.0.1, this machine only). Binding another
//               interface (e.g. 0.0.0.0 in a container) is an explicit choice; without
//               LABS_API_TOKENS the API is then open to the network and a warning is printed.
//   --prepare   only copy public/ and <distDir>/static beside server.js (the standalone output
//               does not include them), then exit. A normal start does this when needed.
//   LABS_SERVER_DIR  the folder holding server.js (default <repo>/<NEXT_DIST_DIR or .next>/standalone)
import { cpSync, existsSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST_DIR = process.env.NEXT_DIST_DIR ?? '.next';
const SERVER_DIR = process.env.LABS_SERVER_DIR ?? join(ROOT, DIST_DIR, 'standalone');

/**
 * Reads -p/--port, -H/--hostname and --prepare; anything else is a usage error.
 * @param {readonly string[]} argv
 */
export function parseStartArgs(argv) {
  const options = { port: undefined, host: undefined, prepare: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === '--prepare') options.prepare = true;
    else if ((arg === '-p' || arg === '--port') && value !== undefined) {
      options.port = value;
      i += 1;
    } else if ((arg === '-H' || arg === '--hostname') && value !== undefined) {
      options.host = value;
      i += 1;
    } else throw new Error(`unknown or incomplete argument "${arg}"`);
  }
  return options;
}

/**
 * Whether an address only accepts connections from this machine.
 * @param {string} host
 */
export function isLoopback(host) {
  if (host === 'localhost' || host === '::1') return true;
  return isIP(host) === 4 && host.startsWith('127.');
}

/**
 * Whether LABS_API_TOKENS names at least one token (the server itself refuses unusable ones).
 * @param {string | undefined} value
 */
export function hasApiTokens(value) {
  return (value ?? '').split(',').some((token) => token.trim() !== '');
}

/** Copies what the standalone output leaves out: public/ and the hashed build assets. */
function prepare() {
  const serverJs = join(SERVER_DIR, 'server.js');
  if (!existsSync(serverJs)) {
    throw new Error(`${serverJs} not found: run \`npx next build\` first (output: 'standalone')`);
  }
  const staticTarget = join(SERVER_DIR, DIST_DIR, 'static');
  const staticSource = join(ROOT, DIST_DIR, 'static');
  // Always refreshed from a repo build (a rebuild changes the hashed names); an image that has
  // no repo build beside it already holds its copy.
  if (existsSync(staticSource)) cpSync(staticSource, staticTarget, { recursive: true });
  const publicSource = join(ROOT, 'public');
  if (existsSync(publicSource))
    cpSync(publicSource, join(SERVER_DIR, 'public'), { recursive: true });
  if (!existsSync(staticTarget)) throw new Error(`${staticTarget} is missing`);
  return serverJs;
}

async function main() {
  let options;
  try {
    options = parseStartArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`start: ${error.message}\nUsage: node scripts/start.mjs [-p PORT] [-H HOST]`);
    process.exit(64);
  }
  const serverJs = prepare();
  if (options.prepare) return;

  const port = options.port ?? process.env.PORT ?? '3000';
  // HOST, not HOSTNAME: shells and container runtimes set HOSTNAME to the machine's name.
  const host = options.host ?? process.env.HOST ?? '127.0.0.1';
  if (!isLoopback(host) && !hasApiTokens(process.env.LABS_API_TOKENS)) {
    console.warn(
      `WARNING: listening on ${host} with no LABS_API_TOKENS: the /api/* routes are open to ` +
        'anyone who can reach this address. Set LABS_API_TOKENS, or listen on 127.0.0.1.',
    );
  }
  process.env.PORT = port;
  process.env.HOSTNAME = host;
  process.env.NODE_ENV = 'production';
  process.env.NEXT_TELEMETRY_DISABLED = '1';
  // server.js changes into its own folder and starts listening.
  await import(pathToFileURL(serverJs).href);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
