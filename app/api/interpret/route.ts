import { toFhirBundle } from '@/lib/fhir';
import { interpretQuerySchema } from '@/lib/http/api-schemas';
import { negotiateJsonFlavour } from '@/lib/http/media-type';
import { apiRoute, methodNotAllowed, NO_STORE } from '@/server/api-route';
import { documentHeaders, readInterpretations } from '@/server/read-interpretations';
import { readQuery, todayUtc } from '@/server/read-query';

export const dynamic = 'force-dynamic';

export const POST = apiRoute(async (request) => {
  const query = readQuery(request, interpretQuerySchema);
  if (!query.ok) return query.response;
  const outcome = await readInterpretations(request, query.value.asOf ?? todayUtc());
  if (!outcome.ok) return outcome.response;
  const flavour = negotiateJsonFlavour(request.headers.get('accept'));
  // One panel in, one object out; a list or a Bundle in, a list out. FHIR is always a Bundle.
  const body =
    flavour === 'application/fhir+json'
      ? toFhirBundle(outcome.value, { sources: outcome.sources })
      : outcome.batch
        ? outcome.value
        : outcome.value[0];
  return new Response(JSON.stringify(body), {
    headers: { 'Content-Type': flavour, Vary: 'Accept', ...NO_STORE, ...documentHeaders(outcome) },
  });
});

const notAllowed = methodNotAllowed(['POST']);
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
