/**
 * Answers what must never reach Next.js, at the Node HTTP layer, before Next.js reads a byte of
 * the body or writes a log line:
 * - a method outside HTTP's usual seven (TRACE, TRACK, WebDAV...): 405. Next.js builds a WHATWG
 *   Request for every route and its proxy, and that constructor throws on TRACE and TRACK
 *   (forbidden methods in the Fetch standard), which Next.js turns into a 500; other unknown
 *   methods got an empty 400. No route or proxy code runs for them, so it happens here;
 * - a `Next-Action` header (the app has no server actions; Next.js would log the header's
 *   text): 400;
 * - a body where no route takes one (pages, unknown /api paths, GET routes): 413, instead of
 *   Next.js buffering up to 10 MB of it for the proxy (405 with Allow when the path is an API
 *   route that lacks the method);
 * - a body over MAX_BODY_BYTES by Content-Length, or a body without a valid token when tokens
 *   are set: 413 or 401, before any of it is read.
 * Each of these answers closes the connection, so the rest of the body is never read. The
 * header and request timeouts (HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS) are set here too: Node
 * enforces the header timeout (checked every 30 s, so a stalled client is dropped within
 * 10-40 s), and each body gets its own timer that drops a request still unfinished after
 * REQUEST_TIMEOUT_MS.
 * Next.js offers no hook on its own server, so this wraps the `request` event of Node's HTTP
 * servers once, from instrumentation.ts.
 */
import { Server } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { HEADERS_TIMEOUT_MS, MAX_BODY_BYTES, REQUEST_TIMEOUT_MS } from '@/server/http/limits';
import { buildProblem, PROBLEM_MEDIA_TYPE } from '@/server/http/problem';
import type { ProblemCode } from '@/server/http/problem';
import { isAuthorized, readApiTokens } from './api-auth';
import { SECURITY_HEADERS } from './security-headers.mjs';

/** The methods Next.js routes; anything else is answered here. */
const ROUTED_METHODS: ReadonlySet<string> = new Set([
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'OPTIONS',
]);

/** The API routes and their methods (OPTIONS aside), as app/api defines them. */
const ROUTE_METHODS: ReadonlyMap<string, readonly string[]> = new Map([
  ['/api/interpret', ['POST']],
  ['/api/handout', ['POST']],
  ['/api/references', ['GET', 'HEAD']],
  ['/api/health', ['GET', 'HEAD']],
  ['/api/openapi.json', ['GET', 'HEAD']],
]);

/** The only paths that read a request body (all with POST), and whether they need a token. */
const BODY_ROUTES: ReadonlyMap<string, 'token'> = new Map([
  ['/api/interpret', 'token'],
  ['/api/handout', 'token'],
]);

/**
 * After an answer that closes the connection while the client is still sending, the server
 * reads and drops at most this much more, for at most DRAIN_MS, before dropping the socket.
 * Closing at once would make the kernel answer the next incoming bytes with a reset, and a
 * reset makes the client discard the answer it has not read yet ("lingering close").
 */
const DRAIN_BYTES = 1024 * 1024;
/** See {@link DRAIN_BYTES}. */
const DRAIN_MS = 1000;

const INSTALLED = Symbol.for('lab-interpreter.request-guard');

/** A refusal the guard answers with: status, problem, and extra headers. */
export interface GuardAnswer {
  readonly code: ProblemCode;
  readonly detail?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** The request line and headers the guard decides on (a plain shape, so tests need no socket). */
export interface GuardRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

const header = (request: GuardRequest, name: string): string | null => {
  const value = request.headers[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
};

/**
 * Whether a request carries a body (RFC 9112 section 6.3: Transfer-Encoding, or a
 * Content-Length other than 0).
 * @param request - the request
 * @returns true when a body follows the headers
 */
export function hasBody(request: GuardRequest): boolean {
  if (header(request, 'transfer-encoding') !== null) return true;
  const length = header(request, 'content-length');
  return length !== null && length.trim() !== '0';
}

/** The path of a request target, origin-form (`/a?b`) or absolute-form (`http://h/a?b`). */
function requestPath(target: string): string {
  if (target.startsWith('/')) return target.split('?', 1)[0] ?? '';
  try {
    return new URL(target).pathname;
  } catch {
    return target;
  }
}

/**
 * Decides whether the guard answers a request itself, and with what.
 * @param request - method, URL and headers
 * @param tokens - the configured tokens (see readApiTokens)
 * @returns the answer, or null to pass the request on to Next.js
 */
export function decideGuard(
  request: GuardRequest,
  tokens: readonly string[] | 'deny-all' = readApiTokens(),
): GuardAnswer | null {
  if (!ROUTED_METHODS.has(request.method)) {
    return {
      code: 'method-not-allowed',
      detail:
        'This server answers HTTP methods GET, HEAD, POST, PUT, PATCH, DELETE and OPTIONS only.',
      headers: { Allow: 'GET, HEAD, POST, OPTIONS' },
    };
  }
  if (header(request, 'next-action') !== null) {
    return {
      code: 'unsupported-header',
      detail: 'This app has no server actions; the Next-Action header is refused.',
    };
  }
  if (!hasBody(request)) return null;
  const path = requestPath(request.url);
  const routeMethods = ROUTE_METHODS.get(path);
  if (routeMethods !== undefined && !routeMethods.includes(request.method)) {
    // A known route and a method it lacks: the same 405 the route gives, without the body.
    const allow = [...routeMethods, 'OPTIONS'].join(', ');
    return {
      code: 'method-not-allowed',
      detail: `This route accepts ${allow}.`,
      headers: { Allow: allow },
    };
  }
  const route = request.method === 'POST' ? BODY_ROUTES.get(path) : undefined;
  if (route === undefined) {
    return { code: 'payload-too-large', detail: 'This path takes no request body.' };
  }
  if (route === 'token' && !isAuthorized(header(request, 'authorization'), tokens)) {
    return { code: 'unauthorized', headers: { 'WWW-Authenticate': 'Bearer' } };
  }
  const declared = Number(header(request, 'content-length') ?? '0');
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) {
    return { code: 'payload-too-large' };
  }
  return null;
}

function answer(request: IncomingMessage, response: ServerResponse, decision: GuardAnswer): void {
  const body = JSON.stringify(buildProblem(decision.code, [], decision.detail));
  const closing = hasBody(request as GuardRequest);
  if (closing) lingerOnClose(request.socket);
  response.writeHead(buildProblem(decision.code).status, {
    ...SECURITY_HEADERS,
    'Content-Type': PROBLEM_MEDIA_TYPE,
    'Cache-Control': 'no-store',
    ...decision.headers,
    ...(closing ? { Connection: 'close' } : {}),
  });
  response.end(body);
}

/**
 * Makes the close that follows a `Connection: close` answer a lingering one: send FIN, keep
 * reading (and dropping) what the client still sends, up to DRAIN_BYTES (then pause), and drop
 * the socket after DRAIN_MS. Node calls `destroySoon` once such an answer is written.
 */
function lingerOnClose(socket: Socket): void {
  socket.destroySoon = () => {
    socket.end();
    let drained = 0;
    socket.on('data', (chunk: Buffer) => {
      drained += chunk.length;
      // Stop reading, but do not drop the socket yet: a close with unread bytes sends a reset
      // at once, and a busy client would lose the answer. Paused, the kernel's window fills and
      // the client's writes stall (no memory is spent here) until the timer drops the socket.
      if (drained > DRAIN_BYTES) socket.pause();
    });
    socket.resume();
    setTimeout(() => socket.destroy(), DRAIN_MS).unref();
  };
}

/**
 * Drops a request whose body is still arriving after REQUEST_TIMEOUT_MS, and makes a route's
 * early answer (413 while reading) close the connection the lingering way.
 */
function limitBodyTime(request: IncomingMessage): void {
  if (!hasBody(request as GuardRequest)) return;
  lingerOnClose(request.socket);
  const timer = setTimeout(() => {
    if (!request.complete) request.socket.destroy();
  }, REQUEST_TIMEOUT_MS);
  timer.unref();
  request.once('end', () => clearTimeout(timer));
  request.once('close', () => clearTimeout(timer));
}

/**
 * Installs the guard on every Node HTTP server of this process (the one `next start` creates).
 * Idempotent: a second call does nothing.
 */
export function installRequestGuard(): void {
  const prototype = Server.prototype as Server & { [INSTALLED]?: true };
  if (prototype[INSTALLED]) return;
  prototype[INSTALLED] = true;
  const emit = prototype.emit as (
    this: Server,
    event: string | symbol,
    ...args: unknown[]
  ) => boolean;
  prototype.emit = function guardedEmit(this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      if (this.headersTimeout !== HEADERS_TIMEOUT_MS) {
        this.headersTimeout = HEADERS_TIMEOUT_MS;
        this.requestTimeout = REQUEST_TIMEOUT_MS;
      }
      const [request, response] = args as [IncomingMessage, ServerResponse];
      const decision = decideGuard(request as GuardRequest);
      if (decision !== null) {
        answer(request, response, decision);
        return true;
      }
      limitBodyTime(request);
    }
    return emit.apply(this, [event, ...args]);
  } as Server['emit'];
}
