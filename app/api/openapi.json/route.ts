import { buildOpenApiDocument } from '@/server/http/openapi';
import { defineRoute } from '@/server/api-route';

export const dynamic = 'force-dynamic';

const body = JSON.stringify(buildOpenApiDocument());

const route = defineRoute(
  {
    GET: () =>
      Promise.resolve(
        new Response(body, {
          headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache' },
        }),
      ),
  },
  { produces: ['application/json'] },
);

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route;
