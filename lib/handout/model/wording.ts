import type { Status } from '../../types';
import { allIn } from '../../safety/rule';
import type { RuleFacts } from '../../safety/rule';
import { HANDOUT_TEXT_EN } from '../text/en';
import { HANDOUT_TEXT_ES } from '../text/es';
import type { CriticalKind, HandoutLang, HandoutText } from '../text/handout-text';

const TEXTS: Readonly<Record<HandoutLang, HandoutText>> = {
  en: HANDOUT_TEXT_EN,
  es: HANDOUT_TEXT_ES,
};

/**
 * The wording of one language.
 * @param lang - `en` or `es`
 * @returns the handout text of that language
 */
export function getHandoutText(lang: HandoutLang): HandoutText {
  return TEXTS[lang];
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function formatIsoDate(text: HandoutText, isoDate: string): string {
  const match = ISO_DATE.exec(isoDate);
  if (!match) return isoDate;
  return text.formatDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

export function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/**
 * The status whose wording a result takes: a censored value that is low whichever band it is in
 * ("<25 ng/mL") reads as low, not "we can't tell" (section 8.6).
 */
export function wordingStatus(facts: RuleFacts): Status {
  if (facts.status === 'indeterminate' && allIn(facts, ['deficient', 'insufficient'])) {
    return facts.possible.includes('deficient') ? 'deficient' : 'insufficient';
  }
  return facts.status;
}

export function criticalKind(facts: RuleFacts): CriticalKind | null {
  if (facts.analyte === 'vitamin-d' && facts.critical === 'high') return 'vitamin-d-high';
  if (facts.analyte === 'magnesium' && facts.critical === 'high') return 'magnesium-high';
  if (facts.analyte === 'magnesium' && facts.critical === 'low') return 'magnesium-low';
  return null;
}

export function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
