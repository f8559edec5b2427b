/**
 * What every handout must and must never say, whatever the scenario: the phrases the issue 8
 * findings removed, and the red-flag box (section 8.1), in both languages.
 */

/** One scenario: a panel, and phrases that must or must not appear in the handout text. */
export interface HandoutScenario {
  readonly id: string;
  readonly panel: Record<string, unknown>;
  readonly mustAppear: { readonly en: readonly string[]; readonly es: readonly string[] };
  readonly mustNotAppear: { readonly en: readonly string[]; readonly es: readonly string[] };
  /** Large print expected (65 or older by birth date, or the flag). */
  readonly largePrint?: boolean;
}

/** Sentences no handout may carry whatever the result (sections 7, 8.1). */
export const NEVER = {
  en: [
    'Drink water all through the day',
    'can feel like back pain',
    'Foods that help',
    'Magnesium pills or a drip',
    'needs to talk with you about this result soon',
  ],
  es: [
    'Tome agua durante todo el día',
    'Eso se parece al dolor',
    'sumar al dolor',
    'Casi siempre',
    'se ponen blandos y duelen',
    'conteo de sangre',
    'Costumbres',
    'Alimentos que ayudan',
    'por la vena',
  ],
} as const;

/** The red-flag box: on every handout, in both languages. */
export const RED_FLAGS = {
  en: [
    'Get help right away if...',
    'Go to the emergency room now if you have:',
    'cannot control your bladder or bowels',
    'Numbness around your genitals, buttocks or inner thighs.',
    'Weak legs that are getting worse, or weakness in both legs.',
    'Call your clinician the same day if you have:',
    'A fever, or you feel very sick, with your back pain.',
    'Weight loss you cannot explain',
    'A fall or injury',
  ],
  es: [
    'Busque ayuda enseguida si...',
    'Vaya ya a la sala de emergencias si tiene:',
    'no puede controlar la orina o las heces',
    'Adormecimiento en los genitales, las nalgas',
    'Piernas débiles que empeoran, o debilidad en las dos piernas.',
    'Llame a su proveedor de salud el mismo día si tiene:',
    'Fiebre, o se siente muy mal, con el dolor de espalda.',
    'Pérdida de peso sin causa',
    'Una caída o un golpe',
  ],
} as const;
