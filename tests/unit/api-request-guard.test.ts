/**
 * The request guard on a real Node HTTP server (no Next.js): it answers before the app's own
 * handler runs, closes after refusing a body without reading it to the end (and the client
 * still reads the answer), and sets the header and request timeouts.
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS } from '@/server/http/limits';
import { installRequestGuard } from '@/server/request-guard';

let server: Server;
let port = 0;
let handled = 0;

beforeAll(async () => {
  installRequestGuard();
  server = createServer((_request, response) => {
    handled += 1;
    response.end('app');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** Sends a head and then `bodyBytes` of filler; reports the answer and how much was sent. */
function send(head: string, bodyBytes = 0): Promise<{ answer: string; sent: number }> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    let sent = 0;
    let closed = false;
    const chunk = Buffer.alloc(65_536, 0x20);
    const pump = () => {
      while (!closed && sent < bodyBytes) {
        sent += chunk.length;
        if (!socket.write(chunk)) {
          socket.once('drain', pump);
          return;
        }
      }
    };
    socket.on('data', (data: Buffer) => (answer += data.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      closed = true;
      resolve({ answer, sent });
    });
    socket.on('connect', () => {
      socket.write(head);
      pump();
    });
    setTimeout(() => socket.destroy(), 10_000).unref();
  });
}

describe('installRequestGuard', () => {
  it('answers TRACE with 405 problem+json and the security headers; the app never runs', async () => {
    const before = handled;
    const { answer } = await send('TRACE / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 405 /);
    expect(answer.toLowerCase()).toContain('content-type: application/problem+json');
    expect(answer.toLowerCase()).toContain("frame-ancestors 'none'");
    expect(handled).toBe(before);
  });

  it('refuses a 50 MB body to a page, closes, and the client still reads the 413', async () => {
    const size = 50 * 1024 * 1024;
    const { answer, sent } = await send(
      `POST /references HTTP/1.1\r\nHost: x\r\nContent-Length: ${size}\r\n\r\n`,
      size,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer.toLowerCase()).toContain('connection: close');
    expect(answer).toContain('This path takes no request body.');
    expect(sent).toBeLessThan(size);
  });

  it('passes an ordinary request to the app and sets the timeouts', async () => {
    const before = handled;
    const { answer } = await send('GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(handled).toBe(before + 1);
    expect(server.headersTimeout).toBe(HEADERS_TIMEOUT_MS);
    expect(server.requestTimeout).toBe(REQUEST_TIMEOUT_MS);
  });
});
