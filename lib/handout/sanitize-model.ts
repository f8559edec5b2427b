import type { TextEngine } from './font/text-engine';
import type { HandoutModel } from './model';
import { REPLACEMENT_CHARACTER, sanitizeText } from './sanitize-text';

/** A warning about the handout, e.g. characters the font cannot show. */
export interface HandoutWarning {
  readonly code: 'unsupported-characters';
  readonly message: string;
}

const FACT_FIELDS: Readonly<Record<HandoutModel['facts'][number]['kind'], string>> = {
  patient: 'patient name',
  collectedOn: 'collection date',
  clinician: 'clinician name',
  clinic: 'clinic name',
  phone: 'clinic phone',
};

/** Strings in the model, rewritten so the font can draw each one; warnings name the field only. */
export function sanitizeModel(
  model: HandoutModel,
  engine: TextEngine,
): { model: HandoutModel; warnings: HandoutWarning[] } {
  const hasGlyph = (codePoint: number): boolean => engine.canDraw(codePoint);
  const replacedByField = new Map<string, number>();
  const clean = (text: string, field: string): string => {
    const result = sanitizeText(text, hasGlyph);
    if (result.replaced > 0) {
      replacedByField.set(field, (replacedByField.get(field) ?? 0) + result.replaced);
    }
    return result.text;
  };
  const deep = (value: unknown, field: string): unknown => {
    if (typeof value === 'string') return clean(value, field);
    if (Array.isArray(value)) return value.map((item: unknown) => deep(item, field));
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(
        Object.entries(value).map(([key, item]) => [key, deep(item, field)]),
      );
    }
    return value;
  };
  const facts = model.facts.map((fact) => ({
    ...fact,
    value: clean(fact.value, FACT_FIELDS[fact.kind]),
  }));
  // Everything else is our own wording or interpret() output; checked the same way, just in case.
  const rest = deep({ ...model, facts: [] }, 'handout text') as HandoutModel;
  const warnings = [...replacedByField].map(([field, count]): HandoutWarning => ({
    code: 'unsupported-characters',
    message: `${count} character${count === 1 ? '' : 's'} in the ${field} cannot be shown by the handout font and ${count === 1 ? 'was' : 'were'} replaced with ${REPLACEMENT_CHARACTER}.`,
  }));
  return { model: { ...rest, facts }, warnings };
}
