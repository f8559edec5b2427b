import { handoutQuerySchema } from '@/server/http/api-schemas';
import { renderHandout } from '@/lib/handout/render';
import { defineRoute, NO_STORE, problemResponse } from '@/server/api-route';
import { loadHandoutFonts } from '@/server/handout-fonts';
import { readInterpretations } from '@/server/read-interpretations';
import { readQuery, serverToday } from '@/server/read-query';

export const dynamic = 'force-dynamic';

const route = defineRoute(
  {
    POST: async (request) => {
      const query = readQuery(request, handoutQuerySchema);
      if (!query.ok) return query.response;
      const { lang, paper } = query.value;
      const interpretations = await readInterpretations(request, query.value.asOf ?? serverToday());
      if (!interpretations.ok) return interpretations.response;
      const [interpretation, ...others] = interpretations.value;
      if (interpretation === undefined || others.length > 0) {
        return problemResponse('invalid-panel', [
          { path: '(root)', message: 'must hold exactly one panel for a handout' },
        ]);
      }
      // The handout's date is the interpretation's: no second "today".
      const generatedOn = interpretation.asOf ?? serverToday();
      const fonts = loadHandoutFonts();
      const { bytes } = await renderHandout(interpretation, fonts, { lang, paper, generatedOn });
      return new Response(bytes.slice().buffer, {
        headers: {
          'Content-Type': 'application/pdf',
          // The file name carries the date only, never the patient's name.
          'Content-Disposition': `attachment; filename="handout-${generatedOn}.pdf"`,
          ...NO_STORE,
        },
      });
    },
  },
  { produces: ['application/pdf'] },
);

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route;
