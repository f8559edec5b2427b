import { RULES_VERSION } from '@/lib/analytes/registry';

export const dynamic = 'force-dynamic';

export function GET(): Response {
  return Response.json({ status: 'ok', rulesVersion: RULES_VERSION });
}
