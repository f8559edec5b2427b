import { toFhirBundle } from '@/lib/formats/fhir/write';
import { interpretQuerySchema } from '@/server/http/api-schemas';
import { defineRoute, NO_STORE } from '@/server/api-route';
import { documentHeaders, readInterpretations } from '@/server/read-interpretations';
import { readQuery, serverToday } from '@/server/read-query';

export const dynamic = 'force-dynamic';

const route = defineRoute(
  {
    POST: async (request, { mediaType }) => {
      const query = readQuery(request, interpretQuerySchema);
      if (!query.ok) return query.response;
      const outcome = await readInterpretations(request, query.value.asOf ?? serverToday());
      if (!outcome.ok) return outcome.response;
      // One panel in, one object out; a list or a Bundle in, a list out. FHIR is always a Bundle.
      const body =
        mediaType === 'application/fhir+json'
          ? toFhirBundle(outcome.value, { sources: outcome.sources })
          : outcome.batch
            ? outcome.value
            : outcome.value[0];
      return new Response(JSON.stringify(body), {
        headers: {
          'Content-Type': mediaType,
          Vary: 'Accept',
          ...NO_STORE,
          ...documentHeaders(outcome),
        },
      });
    },
  },
  { produces: ['application/json', 'application/fhir+json'] },
);

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route;
