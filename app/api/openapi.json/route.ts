import { buildOpenApiDocument } from '@/lib/http/openapi';
import { apiRoute, methodNotAllowed } from '@/server/api-route';

export const dynamic = 'force-dynamic';

const body = JSON.stringify(buildOpenApiDocument());

export const GET = apiRoute(() =>
  Promise.resolve(
    new Response(body, {
      headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache' },
    }),
  ),
);

const notAllowed = methodNotAllowed(['GET', 'HEAD']);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
