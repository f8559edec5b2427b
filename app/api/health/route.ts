import { RULES_VERSION } from '@/lib/analytes/registry';
import { defineRoute, NO_STORE } from '@/server/api-route';

export const dynamic = 'force-dynamic';

// Load balancers probe this route, so it never needs a token and does no work.
const route = defineRoute(
  {
    GET: () =>
      Promise.resolve(
        Response.json({ status: 'ok', rulesVersion: RULES_VERSION }, { headers: NO_STORE }),
      ),
  },
  { access: 'public', produces: ['application/json'] },
);

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route;
