import { createHash } from 'node:crypto';
import { buildReferences } from '@/lib/references';
import { defineRoute } from '@/server/api-route';

export const dynamic = 'force-dynamic';

// The references are fixed for a build, so the body and its ETag are computed once per process.
// The ETag is a hash of the body, so every instance behind a load balancer agrees on it.
const body = JSON.stringify(buildReferences());
const etag = `"${createHash('sha256').update(body).digest('base64url')}"`;
const headers = {
  'Content-Type': 'application/json',
  ETag: etag,
  // Revalidate every time: a deployment with new rules must never be hidden by a cache.
  'Cache-Control': 'no-cache',
};

/** If-None-Match uses weak comparison (RFC 9110 section 13.1.2). */
function matchesEtag(ifNoneMatch: string | null): boolean {
  if (ifNoneMatch === null) return false;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag);
}

const route = defineRoute(
  {
    GET: (request) =>
      Promise.resolve(
        matchesEtag(request.headers.get('if-none-match'))
          ? new Response(null, {
              status: 304,
              headers: { ETag: etag, 'Cache-Control': 'no-cache' },
            })
          : new Response(body, { headers }),
      ),
  },
  { produces: ['application/json'] },
);

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route;
