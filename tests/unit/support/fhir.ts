/** Helpers of the FHIR reader and writer tests: minimal Observations and Bundles, read results. */
import { UCUM_SYSTEM, LOINC_SYSTEM } from '@/lib/formats/codes';
import { panelsFromFhir } from '@/lib/formats/fhir/read';
import type { ImportItem } from '@/lib/formats/import-types';
import { formatLocation } from '@/lib/formats/location';

export { AS_OF, interpretOk } from './interpret';

/** The items, with each error's location printed (as every surface prints it). */
export function read(json: unknown) {
  const outcome = panelsFromFhir(json);
  if (outcome.kind === 'invalid') throw new Error(JSON.stringify(outcome.errors));
  return outcome.panels.map((item: ImportItem) => ({
    ...item,
    errors: item.errors.map((error) => ({ ...error, path: formatLocation(error.path) })),
  }));
}

/** A minimal Observation with a LOINC code and a quantity. */
export function observation(
  loinc: string,
  quantity: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    resourceType: 'Observation',
    status: 'final',
    code: { coding: [{ system: LOINC_SYSTEM, code: loinc }] },
    valueQuantity: quantity,
    ...extra,
  };
}

export function bundle(resources: unknown[], type = 'collection'): Record<string, unknown> {
  return { resourceType: 'Bundle', type, entry: resources.map((resource) => ({ resource })) };
}

export const ucum = (value: number, code: string) => ({
  value,
  unit: code,
  system: UCUM_SYSTEM,
  code,
});
