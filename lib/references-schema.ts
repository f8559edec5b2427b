/**
 * The reference document as zod: the one definition of what `buildReferences()` returns and
 * `GET /api/references` answers. The TypeScript type is read from it.
 */
import * as z from 'zod';
import {
  ANALYTE_IDS,
  BAND_STATUSES,
  CONTEXT_FLAGS,
  EVIDENCE_STRENGTHS,
  RULE_SET_IDS,
  UNIT_CODES,
  WARNING_CODES,
} from './closed-sets';
import { cutoffsSchema } from './interpretation-schema';
import type { DeepReadonly } from './interpretation-schema';

const analyteId = z.enum(ANALYTE_IDS);
const unitCode = z.enum(UNIT_CODES);
const bandStatus = z.enum(BAND_STATUSES);
const contextFlag = z.enum(CONTEXT_FLAGS);
const citationIds = z.array(z.string());
const idTextSchema = z.strictObject({ id: z.string(), text: z.string(), citationIds });

/** Everything a reviewer needs: rule sets with cut-offs in every unit, factors and citations. */
export const referencesSchema = z.strictObject({
  rulesVersion: z.string(),
  analytes: z.array(
    z.strictObject({
      id: analyteId,
      name: z.string(),
      baseUnit: unitCode,
      defaultUnit: unitCode,
      units: z.array(
        z.strictObject({
          code: unitCode,
          toBase: z.number(),
          displayDecimals: z.int().nonnegative(),
          basis: z.string(),
          citationIds,
          loinc: z.string(),
        }),
      ),
      loincCodes: z.array(
        z.strictObject({
          code: z.string(),
          display: z.string(),
          unit: unitCode,
          warn: z.enum(WARNING_CODES).optional(),
        }),
      ),
      plausibility: z.strictObject({
        hardStopAbove: z.strictObject({ value: z.number(), unit: unitCode }),
        assayRange: z.strictObject({
          low: z.number().optional(),
          high: z.number(),
          unit: unitCode,
        }),
        unitMixups: z.array(
          z.strictObject({
            unit: unitCode,
            above: z.number().optional(),
            below: z.number().optional(),
            within: z.strictObject({ low: z.number(), high: z.number() }).optional(),
            likelyUnits: z.array(unitCode),
          }),
        ),
      }),
      notices: z.array(idTextSchema),
      ruleSets: z.array(
        z.strictObject({
          id: z.enum(RULE_SET_IDS),
          name: z.string(),
          isDefault: z.boolean(),
          upperLimitMeaning: z.string(),
          caveats: z.array(z.string()),
          criticalNeedsLocalCheck: z.boolean(),
          citationIds,
          cutoffs: z.array(cutoffsSchema),
        }),
      ),
      backPain: z.array(
        z.strictObject({
          analyte: analyteId,
          analyteName: z.string(),
          id: z.string(),
          claim: z.string(),
          strength: z.enum(EVIDENCE_STRENGTHS),
          strengthLabel: z.string(),
          relevantFor: z.array(bandStatus),
          citationIds,
        }),
      ),
      nextSteps: z.array(
        z.strictObject({
          id: z.string(),
          status: bandStatus,
          text: z.string(),
          reassuring: z.boolean().optional(),
          citationIds,
        }),
      ),
      contextNotes: z.array(
        z.strictObject({
          id: z.string(),
          context: contextFlag,
          direction: z.enum(['low', 'not-low', 'normal', 'high']).optional(),
          text: z.string(),
          citationIds,
        }),
      ),
    }),
  ),
  citations: z.array(
    z.strictObject({
      id: z.string(),
      short: z.string(),
      text: z.string(),
      title: z.string(),
      authors: z.string(),
      year: z.number(),
      doi: z.string().optional(),
      url: z.string().optional(),
    }),
  ),
});

/** The reference document (see {@link referencesSchema}). */
export type References = DeepReadonly<z.output<typeof referencesSchema>>;
