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

/** What each select takes: the chosen value, the change handler and an optional element id. */
interface SelectProps<T> {
  value: T;
  onChange: (value: T) => void;
  id?: string;
}

/** A select over one closed list of handout options, reporting the typed value. */
function OptionSelect<T extends string>({
  value,
  onChange,
  id,
  choices,
  labels,
  read,
}: SelectProps<T> & {
  choices: readonly T[];
  labels: Readonly<Record<T, string>>;
  /** The option for a select's value (the default when the value is not one). */
  read: (value: string) => T;
}) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(read(e.target.value))}>
      {choices.map((option) => (
        <option key={option} value={option}>
          {labels[option]}
        </option>
      ))}
    </select>
  );
}

/**
 * The handout-language choice, offered wherever a handout is made (the results' controls and
 * the SMART "file to the chart" step): options and labels from lib/handout/options.ts. The
 * label is the caller's (wrapping, or `htmlFor` with `id`).
 * @param props - the chosen language, the change handler and an optional element id
 * @returns a select of the handout languages
 */
export function HandoutLangSelect(props: SelectProps<HandoutLang>) {
  return (
    <OptionSelect
      {...props}
      choices={HANDOUT_LANGS}
      labels={HANDOUT_LANG_LABELS}
      read={(value) => toHandoutLang(value) ?? DEFAULT_HANDOUT_LANG}
    />
  );
}

/**
 * The paper-size choice for a handout (Letter or A4), options and labels from
 * lib/handout/options.ts.
 * @param props - the chosen paper size, the change handler and an optional element id
 * @returns a select of the paper sizes
 */
export function PaperSelect(props: SelectProps<PaperSize>) {
  return (
    <OptionSelect
      {...props}
      choices={PAPER_NAMES}
      labels={PAPER_LABELS}
      read={(value) => toPaperSize(value) ?? DEFAULT_PAPER}
    />
  );
}
