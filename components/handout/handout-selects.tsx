'use client';

import {
  DEFAULT_HANDOUT_LANG,
  DEFAULT_PAPER,
  HANDOUT_LANG_LABELS,
  HANDOUT_LANGS,
  PAPER_LABELS,
  PAPER_NAMES,
  toHandoutLang,
  toPaperSize,
} from '@/lib/handout/options';
import type { HandoutLang, PaperSize } from '@/lib/handout/options';

/**
 * The handout-language choice, offered wherever a handout is made (the results' controls and
 * the SMART "file to the chart" step): the options and their labels come from
 * lib/handout/options.ts. The label is the caller's (wrapping, or `htmlFor` with `id`).
 * @param props - the chosen language, the change handler and an optional element id
 * @returns a select of the handout languages
 */
export function HandoutLangSelect({
  value,
  onChange,
  id,
}: {
  value: HandoutLang;
  onChange: (lang: HandoutLang) => void;
  id?: string;
}) {
  return (
    <select
      id={id}
      value={value}
      onChange={(e) => onChange(toHandoutLang(e.target.value) ?? DEFAULT_HANDOUT_LANG)}
    >
      {HANDOUT_LANGS.map((option) => (
        <option key={option} value={option}>
          {HANDOUT_LANG_LABELS[option]}
        </option>
      ))}
    </select>
  );
}

/**
 * The paper-size choice for a handout (Letter or A4), options and labels from
 * lib/handout/options.ts.
 * @param props - the chosen paper size, the change handler and an optional element id
 * @returns a select of the paper sizes
 */
export function PaperSelect({
  value,
  onChange,
  id,
}: {
  value: PaperSize;
  onChange: (paper: PaperSize) => void;
  id?: string;
}) {
  return (
    <select
      id={id}
      value={value}
      onChange={(e) => onChange(toPaperSize(e.target.value) ?? DEFAULT_PAPER)}
    >
      {PAPER_NAMES.map((option) => (
        <option key={option} value={option}>
          {PAPER_LABELS[option]}
        </option>
      ))}
    </select>
  );
}
