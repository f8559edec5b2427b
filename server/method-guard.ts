/**
 * Answers requests with a method outside HTTP's usual seven before Next.js sees them. Next.js
 * builds a WHATWG Request for every route handler, and that constructor throws on TRACE and
 * TRACK (forbidden methods in the Fetch standard), which Next.js turns into a 500; other unknown
 * methods get an empty 400. Neither is acceptable for client input, so they get a 405
 * problem+json here, with the same security headers as every other response.
 */
import { Server } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { buildProblem, PROBLEM_MEDIA_TYPE } from '@/lib/http/problem';

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

const INSTALLED = Symbol.for('lab-interpreter.method-guard');

/** The same locked-down headers next.config.mjs gives every non-page response. */
const HEADERS = {
  'Content-Type': PROBLEM_MEDIA_TYPE,
  'Cache-Control': 'no-store',
  'Content-Security-Policy':
    "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy':
    'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  Allow: 'GET, HEAD, POST',
} as const;

/**
 * Installs the guard on every Node HTTP server of this process (the one `next start` creates).
 * Idempotent: a second call does nothing.
 */
export function installMethodGuard(): void {
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
      const [request, response] = args as [IncomingMessage, ServerResponse];
      if (!ROUTED_METHODS.has(request.method ?? '')) {
        const body = JSON.stringify(
          buildProblem(
            'method-not-allowed',
            [],
            'This server answers HTTP methods GET, HEAD, POST, PUT, PATCH, DELETE and OPTIONS only.',
          ),
        );
        response.writeHead(405, HEADERS);
        response.end(body);
        request.resume();
        return true;
      }
    }
    return emit.apply(this, [event, ...args]);
  } as Server['emit'];
}
