import { RULES_VERSION } from '@/lib/analytes/registry';
import { apiRoute, methodNotAllowed, NO_STORE } from '@/server/api-route';

export const dynamic = 'force-dynamic';

// Load balancers probe this route, so it never needs a token and does no work.
export const GET = apiRoute(
  () =>
    Promise.resolve(
      Response.json({ status: 'ok', rulesVersion: RULES_VERSION }, { headers: NO_STORE }),
    ),
  'public',
);

const notAllowed = methodNotAllowed(['GET', 'HEAD'], 'public');
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
