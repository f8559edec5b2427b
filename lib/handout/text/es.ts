import { formatBorderlineRange, formatCutoffQuantity } from '../../cutoff-text';
import { monthName } from '../../month-names';
import type { HandoutText } from './handout-text';

const STATUS_FEMININE = {
  deficient: 'Baja',
  insufficient: 'Un poco baja',
  sufficient: 'En un nivel sano',
  high: 'Más alta de lo necesario',
  indeterminate: 'No se puede saber con este resultado',
} as const;

const STATUS_MASCULINE = {
  deficient: 'Bajo',
  insufficient: 'Un poco bajo',
  sufficient: 'En un nivel sano',
  high: 'Más alto de lo necesario',
  indeterminate: 'No se puede saber con este resultado',
} as const;

const NEW_TEST_ACTION = 'Puede que le pidan otro análisis que dé un número.';

/**
 * Spanish wording of the patient handout, written for Spanish-speaking patients in the US (usted,
 * everyday words, foods people know), not translated word for word from English. Each sentence
 * says no more and no less than the English one: the same limits on the evidence, no promise of
 * relief, the same safety instructions.
 */
export const HANDOUT_TEXT_ES: HandoutText = {
  lang: 'es',
  pdfLanguage: 'es-US',
  title: 'Sus resultados de sangre',
  subject: 'Vitamina D, vitamina B12 y magnesio: qué significan sus resultados',
  intro: [
    'Su proveedor de salud es el médico, la enfermera u otra persona que pidió estos análisis.',
  ],
  facts: {
    patient: 'Para',
    collectedOn: 'Fecha del análisis',
    clinician: 'Su proveedor de salud',
    clinic: 'Clínica',
    phone: 'Teléfono',
  },
  formatDate: (year, month, day) => `${day} de ${monthName(month, 'es')} de ${year}`,
  summaryHeading: 'En pocas palabras',
  summaryLine: (test, meaning) => `${test}: ${meaning.toLowerCase()}.`,
  resultNotices: {
    'preliminary-result': 'Resultado preliminar: el laboratorio todavía puede cambiarlo.',
    'vitamin-d3-only-code':
      'El laboratorio midió solo vitamina D3. Su proveedor de salud lo revisará.',
    'lab-range-dropped': 'No se pudo leer el rango normal del laboratorio.',
    'possible-unit-mixup': 'La unidad puede estar equivocada. Su proveedor de salud lo revisará.',
    'lab-range-discordant': 'El rango normal del laboratorio no es igual al de esta guía.',
    'outside-assay-range': 'La prueba no puede medir este número con exactitud.',
  },
  preliminaryMark: '(preliminar)',
  critical: {
    callToday: 'Llame hoy a su proveedor de salud al {phone}.',
    blankPhone: '________________',
    call911: '{test}: llame al 911 o vaya a la sala de emergencias si tiene:',
    symptoms: {
      'vitamin-d-high': [
        'Vómitos, o no puede retener líquidos.',
        'Mucha sed, y orina mucho.',
        'Confusión, o mucho más sueño de lo normal.',
        'Latidos del corazón muy rápidos o irregulares.',
      ],
      'magnesium-high': [
        'Músculos muy débiles o flojos.',
        'Mucho sueño o confusión.',
        'Respiración lenta o débil.',
        'Latidos del corazón lentos, o se desmaya.',
      ],
      'magnesium-low': [
        'Latidos del corazón rápidos, fuertes o irregulares.',
        'Se desmaya.',
        'Espasmos o tics en los músculos que no paran.',
        'Una convulsión (ataque).',
      ],
    },
    rowAction: 'Llame hoy a su proveedor de salud. Vea el cuadro rojo de arriba.',
  },
  actions: {
    heading: 'Qué hacer ahora',
    book: 'Pida cita con su proveedor de salud en 1 a 2 semanas, o cuando le digan.',
    bringPills: 'Lleve a la cita todas sus pastillas y suplementos.',
    allNormal: [
      'Estos análisis no explican su dolor de espalda. Su proveedor de salud buscará otras causas.',
      'La mayoría de los dolores de espalda mejoran en pocas semanas. Siga moviéndose todo lo que pueda.',
    ],
  },
  redFlags: {
    heading: 'Busque ayuda enseguida si...',
    groups: [
      {
        lead: 'Vaya ya a la sala de emergencias si tiene:',
        items: [
          'Problemas nuevos para orinar, o no puede controlar la orina o las heces.',
          'Adormecimiento en los genitales, las nalgas o la parte de adentro de los muslos.',
          'Piernas débiles que empeoran, o debilidad en las dos piernas.',
        ],
      },
      {
        lead: 'Llame a su proveedor de salud el mismo día si tiene:',
        items: [
          'Fiebre, o se siente muy mal, con el dolor de espalda.',
          'Una caída o un golpe, sobre todo con más de 50 años, huesos débiles o esteroides.',
        ],
      },
      {
        lead: 'Vea pronto a su proveedor de salud si tiene:',
        items: [
          'Pérdida de peso sin causa, cáncer en el pasado, o dolor de noche que no cede al descansar.',
        ],
      },
    ],
  },
  tableHeading: 'Sus resultados',
  columns: {
    test: 'Análisis',
    result: 'Su resultado',
    meaning: 'Qué significa',
    action: 'Qué hacer',
  },
  tableNote: 'Las letras después de cada número, como ng/mL, son las unidades del laboratorio.',
  comparatorWords: {
    '<': 'menos de',
    '<=': 'como máximo',
    '>': 'más de',
    '>=': 'como mínimo',
  },
  bandWords: {
    deficient: 'Bajo',
    insufficient: 'Un poco bajo',
    sufficient: 'Nivel sano',
    high: 'Más de lo necesario',
  },
  youAreHere: 'Usted está aquí',
  somewhereHere: 'Usted está en esta zona',
  scaleAlt: {
    point: 'Su nivel, {value}, está en el rango {band}; el rango sano es de {healthy}.',
    range: 'Su nivel, {value}, podría estar en el rango {band}; el rango sano es de {healthy}.',
    healthyBetween: '{from} a {to} {unit}',
    healthyFrom: '{from} {unit} o más',
    or: ' o ',
    bands: { deficient: 'bajo', insufficient: 'un poco bajo', sufficient: 'sano', high: 'alto' },
  },
  analytes: {
    'vitamin-d': {
      name: 'Vitamina D',
      heading: 'Vitamina D: una vitamina para tener huesos fuertes',
      statusWords: STATUS_FEMININE,
      lowCensored: 'Baja (menos de {bound})',
      why: ['El cuerpo necesita vitamina D para usar el calcio, el mineral de los huesos.'],
      whyWhenLow: [
        'Si está muy baja, los huesos pueden debilitarse y doler. Esto puede contribuir al dolor de espalda.',
        'No se ha visto que las pastillas alivien el dolor de espalda. Pero si le falta, corregirlo ayuda a sus huesos.',
      ],
      whyWhenNotLow: [
        'Si su nivel no está bajo, no se ha visto que tomar más vitamina D ayude con el dolor de espalda.',
      ],
      yourLevel: {
        deficient: 'Su vitamina D está baja.',
        insufficient: 'Su vitamina D está un poco baja.',
        sufficient: 'Su vitamina D está en un nivel sano.',
        high: 'Su vitamina D está más alta de lo que necesita. Demasiada puede hacerle daño.',
        indeterminate:
          'El laboratorio no dio un número exacto de vitamina D. No se sabe dónde está.',
      },
      action: {
        deficient: 'Puede que le sugieran pastillas de vitamina D y otros análisis de sangre.',
        insufficient: 'Puede que le sugieran alimentos con vitamina D o una pastilla.',
        sufficient: 'Siga como hasta ahora.',
        high: 'Su proveedor de salud revisará su calcio y las pastillas que toma.',
        indeterminate: NEW_TEST_ACTION,
      },
      foodsHeading: 'Alimentos con vitamina D',
      foods: [
        'Pescado graso, como salmón o sardinas.',
        'Leche con vitamina D.',
        'Huevos.',
        'Un rato de sol en la piel.',
      ],
    },
    'vitamin-b12': {
      name: 'Vitamina B12',
      heading: 'Vitamina B12: una vitamina para tener nervios sanos',
      statusWords: STATUS_FEMININE,
      lowCensored: 'Baja (menos de {bound})',
      why: ['Los nervios llevan mensajes del cuerpo al cerebro. La B12 ayuda a mantenerlos sanos.'],
      whyWhenLow: [
        'Si está baja, puede sentir los pies dormidos o con hormigueo. Esto puede contribuir a los dolores.',
        'Si le falta, corregirlo ayuda a sus nervios.',
      ],
      whyWhenNotLow: [
        'Si su nivel no está bajo, no se ha visto que tomar más B12 ayude con el dolor de espalda.',
      ],
      yourLevel: {
        deficient: 'Su B12 está baja.',
        insufficient: 'Su B12 está un poco baja. Otro análisis puede decir si le falta.',
        sufficient: 'Su B12 está en un nivel sano.',
        high: 'Su B12 está más alta de lo necesario. Lo más común es que sea por pastillas o inyecciones.',
        indeterminate: 'El laboratorio no dio un número exacto de B12. No se sabe dónde está.',
      },
      action: {
        deficient:
          'Puede que le sugieran inyecciones o pastillas de B12 y un análisis de la sangre.',
        insufficient: 'Puede que le pidan otro análisis de sangre para estar seguros.',
        sufficient: 'Siga comiendo alimentos con B12.',
        high: 'Puede que repitan el análisis. Dígale qué pastillas toma.',
        indeterminate: NEW_TEST_ACTION,
      },
      foodsHeading: 'Alimentos con vitamina B12',
      foods: ['Carne, pescado y pollo.', 'Huevos y leche.', 'Cereales con B12 agregada.'],
    },
    magnesium: {
      name: 'Magnesio',
      heading: 'Magnesio: un mineral que ayuda a relajar los músculos',
      statusWords: STATUS_MASCULINE,
      lowCensored: 'Bajo (menos de {bound})',
      why: ['Los músculos necesitan magnesio para relajarse después de trabajar.'],
      whyWhenLow: [
        'Si está bajo, puede tener calambres y músculos tensos. Estos pueden contribuir al dolor de espalda.',
        'Puede que las pastillas no ayuden con la mayoría de los calambres. Pero si le falta, corregirlo ayuda a sus músculos.',
      ],
      whyWhenNotLow: [
        'Si su nivel no está bajo, no se ha visto que tomar más magnesio ayude con el dolor de espalda.',
      ],
      yourLevel: {
        deficient: 'Su magnesio está bajo.',
        insufficient: 'Su magnesio está un poco bajo. Algunos laboratorios todavía lo ven normal.',
        sufficient:
          'Su magnesio está en un nivel sano. El análisis de sangre no mide todo el magnesio del cuerpo.',
        high: 'Su magnesio está más alto de lo necesario. Muchas veces tiene que ver con los riñones.',
        indeterminate: 'El laboratorio no dio un número exacto de magnesio. No se sabe dónde está.',
      },
      action: {
        deficient:
          'Su proveedor de salud decidirá el tratamiento. Puede que revise su potasio y su calcio.',
        insufficient: 'Puede que le sugieran comer más alimentos con magnesio.',
        sufficient: 'Siga comiendo alimentos con magnesio.',
        high: 'Puede que revisen sus riñones y las medicinas que toma.',
        indeterminate: NEW_TEST_ACTION,
      },
      foodsHeading: 'Alimentos con magnesio',
      foods: [
        'Verduras de hoja verde, como la espinaca.',
        'Nueces, almendras y semillas.',
        'Avena y arroz integral.',
        'Aguacate y frijoles.',
      ],
    },
  },
  rules: {
    'vd-stop-pills':
      'Deje de tomar pastillas de vitamina D y de calcio hasta que su proveedor de salud le diga.',
    'vd-high-symptoms':
      'La vitamina D está alta. Si tiene estos síntomas, llame al 911 o vaya a la sala de emergencias:',
    'vd-no-extra': 'No tome vitamina D de más.',
    'vd-bone-tests': 'Análisis de sangre para ver cómo están sus huesos.',
    'vd-pills': 'Pastillas de vitamina D, tomadas como le indiquen.',
    'vd-food-sun-or-pill': 'Más alimentos con vitamina D, un rato de sol o una pastilla.',
    'vd-ceiling': 'No tome más de 4,000 UI de vitamina D al día, salvo que se lo indiquen.',
    'vd-interactions':
      'La vitamina D puede no ir bien con diuréticos, pastillas de calcio o digoxina.',
    'vd-no-change': 'No hace falta cambiar nada de la vitamina D.',
    'vd-calcium-test': 'Un análisis de calcio. Mucha vitamina D puede subir el calcio.',
    'vd-new-test': 'Otro análisis de vitamina D que dé un número.',
    'vd-foods-high': 'Ahora no necesita más vitamina D. La comida sola no la sube demasiado.',
    'vd-ckd': 'Por sus riñones, también le revisarán el calcio y el fósforo.',
    'vd-pregnancy': 'En el embarazo se recomiendan pastillas de vitamina D. Pregunte cuánta tomar.',
    'b12-shots-or-pills': 'Inyecciones o pastillas de B12.',
    'b12-blood-count': 'Un análisis de la sangre que revisa sus glóbulos rojos.',
    'b12-one-more-test': 'Otro análisis de sangre que muestra si su cuerpo tiene bastante B12.',
    'b12-no-change': 'No hace falta cambiar nada de la B12.',
    'b12-high-tests': 'Repetir el análisis de B12 y revisar la sangre y el hígado.',
    'b12-new-test': 'Otro análisis de B12 que dé un número.',
    'b12-foods-high':
      'Ahora no necesita más B12. No tome pastillas de B12 a menos que su proveedor de salud le diga.',
    'b12-food-may-not-fix': 'Con su medicina, puede que la comida sola no corrija una B12 baja.',
    'b12-metformin': 'La metformina, medicina para el azúcar, puede bajar la B12 con el tiempo.',
    'b12-ppi': 'La medicina para la acidez, tomada por años, puede bajar la B12.',
    'b12-pregnancy': 'En el embarazo, el análisis de B12 suele salir más bajo de lo normal.',
    'b12-injection-low':
      'Le pusieron una inyección de B12 hace menos de 2 semanas. La inyección sube la B12, y aun así su nivel está bajo.',
    'b12-injection-high':
      'Le pusieron una inyección de B12 hace menos de 2 semanas. Por eso el resultado puede salir más alto de lo que es normal para usted.',
    'b12-injection-unclear':
      'Le pusieron una inyección de B12 hace menos de 2 semanas. La inyección sube la B12 por un tiempo.',
    'mg-critical-low-decide': 'Su proveedor de salud decidirá hoy el tratamiento.',
    'mg-ckd-no-pills':
      'No tome pastillas de magnesio, ni antiácidos o laxantes con magnesio, a menos que su equipo de los riñones le diga.',
    'mg-stop-high':
      'No tome pastillas de magnesio, ni antiácidos o laxantes con magnesio, hasta que su proveedor de salud le diga.',
    'mg-pills': 'Pastillas de magnesio, tomadas como le indiquen.',
    'mg-interactions-antibiotics':
      'Tómelo 2 horas antes o 4 a 6 horas después de algunos antibióticos (tetraciclinas, quinolonas).',
    'mg-interactions-other':
      'Sepárelo al menos 2 horas de las pastillas para los huesos (bifosfonatos) y 4 horas de las de tiroides (levotiroxina).',
    'mg-side-effect': 'Las pastillas de magnesio pueden causar diarrea.',
    'mg-potassium-calcium': 'Análisis de potasio y calcio. Muchas veces también están bajos.',
    'mg-retest': 'Repetir el análisis de magnesio más adelante.',
    'mg-no-change': 'No hace falta cambiar nada del magnesio.',
    'mg-kidney-test': 'Un análisis para ver cómo trabajan sus riñones.',
    'mg-medicine-check':
      'Revisar las medicinas que toma. Algunos antiácidos y laxantes tienen magnesio.',
    'mg-new-test': 'Otro análisis de magnesio que dé un número.',
    'mg-foods-high': 'Ahora no necesita más magnesio.',
    'mg-ckd-high': 'La enfermedad de los riñones puede subir el magnesio.',
    'mg-ppi': 'La medicina para la acidez, tomada por años, puede bajar el magnesio.',
    'mg-pregnancy-high':
      'En el embarazo, lo más común es que un nivel alto se deba al magnesio que dan en el hospital.',
    'metformin-do-not-stop': 'No deje de tomar la metformina por su cuenta.',
    'ppi-do-not-stop': 'No deje de tomar su medicina para la acidez por su cuenta.',
    biotin:
      'Usted toma biotina. Mucha biotina puede hacer que algunos análisis salgan muy altos o muy bajos. Dígale a su proveedor de salud cuánta toma.',
    'ckd-diet': 'Pregunte a su equipo de los riñones antes de cambiar lo que come o bebe.',
    'pregnancy-fish':
      'Si come pescado, elija uno con poco mercurio, como salmón, 2 o 3 veces por semana.',
    'pregnancy-warning':
      'Embarazo: llame ya a su unidad de maternidad si el dolor de espalda viene con sangrado, pérdida de líquido, cólicos que van y vienen, fiebre o ardor al orinar.',
  },
  sectionHeadings: {
    why: 'Por qué importa',
    doNow: 'Qué hacer',
    suggest: 'Lo que le pueden sugerir',
    goodToKnow: 'Para tener en cuenta',
  },
  panelNotesHeading: 'Más para tener en cuenta',
  habitsHeading: 'Hábitos saludables',
  habits: {
    move: 'Camine cada día, o haga yoga o pilates.',
    'cut-processed': 'Reduzca la comida rápida y los refrescos.',
    calcium: 'Para el calcio: leche, yogur, queso, verduras.',
    'omega-3': 'Para las grasas buenas: pescado, nueces, chía.',
  },
  notesHeading: 'Notas de su proveedor de salud',
  footer: {
    rules: 'Reglas usadas: {names}.',
    version: 'Versión de las reglas: {version}.',
    generated: 'Hecho el {date}.',
    page: 'Página {page} de {pages}',
  },
  ruleSetNames: {
    'endocrine-society-2011': () => 'Sociedad de Endocrinología 2011',
    'iom-2011': () => 'Instituto de Medicina de EE. UU. (IOM) 2011',
    'b12-common': (cutoffs) => `Habitual (zona límite ${formatBorderlineRange(cutoffs)})`,
    'b12-wide-350': (cutoffs) => `Zona gris amplia (zona límite ${formatBorderlineRange(cutoffs)})`,
    'b12-wide-400': (cutoffs) => `Zona gris amplia (zona límite ${formatBorderlineRange(cutoffs)})`,
    'mg-rosanoff-2022': (cutoffs) =>
      `Rosanoff 2022 (límite inferior ${formatCutoffQuantity(cutoffs.sufficientFrom, cutoffs.unit)})`,
    'mg-conventional': () => 'Intervalo de referencia convencional',
  },
  disclaimer: 'Esta hoja no reemplaza los consejos de su proveedor de salud.',
};
