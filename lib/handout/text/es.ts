import type { HandoutText } from './handout-text';

const MONTHS = [
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'octubre',
  'noviembre',
  'diciembre',
] as const;

/**
 * Spanish wording of the patient handout, written for Spanish-speaking patients in the US (usted,
 * everyday words, foods people know), not translated word for word from English. Same limits as
 * the English text: honest about the evidence, no promise of relief.
 */
export const HANDOUT_TEXT_ES: HandoutText = {
  lang: 'es',
  pdfLanguage: 'es-US',
  title: 'Sus resultados de sangre',
  subject: 'Vitamina D, vitamina B12 y magnesio: qué significan sus resultados para su espalda',
  intro: [
    'Esta hoja le explica sus análisis de sangre con palabras sencillas. Su proveedor de salud es el médico, la enfermera u otra persona que los pidió.',
  ],
  facts: {
    patient: 'Para',
    collectedOn: 'Fecha del análisis',
    clinician: 'Su proveedor de salud',
    clinic: 'Clínica',
    phone: 'Teléfono',
  },
  formatDate: (year, month, day) => `${day} de ${MONTHS[month - 1] ?? ''} de ${year}`,
  summaryHeading: 'En pocas palabras',
  summaryLine: (test, meaning) => `${test}: ${meaning.toLowerCase()}.`,
  summaryClosing: 'Su proveedor de salud va a hablar con usted sobre estos resultados.',
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
  statusWords: {
    deficient: 'Bajo',
    insufficient: 'Un poco bajo',
    sufficient: 'En un nivel sano',
    high: 'Más alto de lo necesario',
    indeterminate: 'No se puede saber con este resultado',
  },
  bandWords: {
    deficient: 'Bajo',
    insufficient: 'Un poco bajo',
    sufficient: 'Nivel sano',
    high: 'Más de lo necesario',
  },
  youAreHere: 'Usted está aquí',
  somewhereHere: 'Usted está en esta zona',
  criticalAction: 'Su proveedor de salud tiene que hablar pronto con usted sobre este resultado.',
  analytes: {
    'vitamin-d': {
      name: 'Vitamina D',
      heading: 'Vitamina D: una vitamina para tener huesos fuertes',
      why: [
        'El cuerpo usa la vitamina D para aprovechar el calcio, el mineral de los huesos.',
        'Si está muy baja, los huesos se ponen blandos y duelen. Eso puede sumar al dolor de espalda.',
        'No se ha visto que las pastillas quiten el dolor de espalda. Pero si le falta, vale la pena corregirlo por sus huesos.',
      ],
      yourLevel: {
        deficient: 'Su nivel está bajo. Puede sumar a sus dolores.',
        insufficient: 'Su nivel está un poco bajo.',
        sufficient: 'Su nivel está bien.',
        high: 'Su nivel está más alto de lo que necesita. Demasiada puede hacerle daño.',
        indeterminate: 'El laboratorio no dio un número exacto, así que no se sabe dónde está.',
      },
      action: {
        deficient: 'Puede que le den pastillas de vitamina D y otros análisis de sangre.',
        insufficient: 'Puede que le sugieran comer más vitamina D o tomar una pastilla.',
        sufficient: 'Siga como va.',
        high: 'No tome más vitamina D hasta hablar con su proveedor de salud.',
        indeterminate: 'Puede que le pidan otro análisis que dé un número.',
      },
      suggest: {
        deficient: [
          'Análisis de sangre para sus huesos.',
          'Pastillas de vitamina D, tomadas como le indiquen.',
        ],
        insufficient: ['Comer más vitamina D, tomar un poco de sol o tomar una pastilla.'],
        sufficient: ['No hace falta cambiar nada.'],
        high: [
          'Un análisis de calcio. Mucha vitamina D puede subir el calcio.',
          'Revisar juntos las pastillas que toma.',
        ],
        indeterminate: ['Otro análisis que dé un número.'],
      },
      foods: [
        'Pescado graso, como salmón o sardinas.',
        'Leche con vitamina D.',
        'Huevos.',
        'Un rato de sol en la piel.',
      ],
      foodsWhenHigh: 'Ahora no necesita más vitamina D. La comida sola no la sube demasiado.',
    },
    'vitamin-b12': {
      name: 'Vitamina B12',
      heading: 'Vitamina B12: una vitamina para tener nervios sanos',
      why: [
        'Los nervios llevan mensajes del cuerpo al cerebro.',
        'Si está baja, puede sentir los pies dormidos, hormigueo o piernas débiles. Eso se parece al dolor de espalda o lo empeora.',
        'Si le falta, vale la pena corregirlo por sus nervios. Su proveedor de salud decide si lo necesita.',
      ],
      yourLevel: {
        deficient: 'Su nivel está bajo. Puede sumar al dolor de los nervios.',
        insufficient: 'Su nivel está un poco bajo. Otro análisis puede decir si le falta B12.',
        sufficient: 'Su nivel está bien.',
        high: 'Su nivel está más alto de lo necesario. Casi siempre es por pastillas o inyecciones.',
        indeterminate: 'El laboratorio no dio un número exacto, así que no se sabe dónde está.',
      },
      action: {
        deficient: 'Puede que le den inyecciones o pastillas de B12 y un conteo de sangre.',
        insufficient: 'Puede que le pidan otro análisis de sangre para estar seguros.',
        sufficient: 'Siga comiendo alimentos con B12.',
        high: 'Puede que repitan el análisis. Diga qué pastillas toma.',
        indeterminate: 'Puede que le pidan otro análisis que dé un número.',
      },
      suggest: {
        deficient: [
          'Inyecciones o pastillas de B12.',
          'Un conteo de sangre, que mira sus glóbulos rojos.',
        ],
        insufficient: ['Otro análisis de sangre que muestra si su cuerpo tiene bastante B12.'],
        sufficient: ['No hace falta cambiar nada.'],
        high: ['Repetir el análisis de B12 y revisar la sangre y el hígado.'],
        indeterminate: ['Otro análisis que dé un número.'],
      },
      foods: ['Carne, pescado y pollo.', 'Huevos y leche.', 'Cereales con B12.'],
      foodsWhenHigh: 'Ahora no necesita más B12. No tome pastillas de B12 si no se lo indican.',
    },
    magnesium: {
      name: 'Magnesio',
      heading: 'Magnesio: un mineral que ayuda a relajar los músculos',
      why: [
        'Los músculos usan el magnesio para relajarse después de trabajar.',
        'Si está bajo, puede tener calambres y músculos tensos. Eso puede sumar al dolor de espalda.',
        'Las pastillas no quitan la mayoría de los calambres. Pero si le falta, vale la pena corregirlo por sus músculos.',
      ],
      yourLevel: {
        deficient: 'Su nivel está bajo. Puede sumar a los calambres y dolores.',
        insufficient: 'Su nivel está un poco bajo. Algunos laboratorios todavía lo ven normal.',
        sufficient:
          'Su nivel está bien. El análisis de sangre no mide todo el magnesio del cuerpo.',
        high: 'Su nivel está más alto de lo necesario. Muchas veces tiene que ver con los riñones.',
        indeterminate: 'El laboratorio no dio un número exacto, así que no se sabe dónde está.',
      },
      action: {
        deficient: 'Puede que le den magnesio y le hagan análisis de potasio y calcio.',
        insufficient: 'Puede que le sugieran comer más alimentos con magnesio.',
        sufficient: 'Siga comiendo alimentos con magnesio.',
        high: 'Puede que revisen sus riñones y las medicinas que toma.',
        indeterminate: 'Puede que le pidan otro análisis que dé un número.',
      },
      suggest: {
        deficient: [
          'Magnesio en pastillas o por la vena.',
          'Análisis de potasio y calcio. Muchas veces también están bajos.',
        ],
        insufficient: ['Comer más alimentos con magnesio y repetir el análisis más adelante.'],
        sufficient: ['No hace falta cambiar nada.'],
        high: [
          'Un análisis para ver cómo trabajan sus riñones.',
          'Revisar antiácidos y laxantes. Son medicinas para el estómago y el intestino que pueden tener magnesio.',
        ],
        indeterminate: ['Otro análisis que dé un número.'],
      },
      foods: [
        'Verduras verdes, como la espinaca.',
        'Nueces, almendras y semillas.',
        'Avena y arroz integral.',
        'Aguacate y frijoles.',
      ],
      foodsWhenHigh:
        'No tome pastillas de magnesio ni antiácidos con magnesio si no se lo indican.',
    },
  },
  contextNotes: {
    metformin: {
      'vitamin-b12':
        'Usted toma metformina, una medicina para el azúcar. Con el tiempo puede bajar la B12.',
    },
    ppi: {
      'vitamin-b12': 'Usted toma una medicina para la acidez. Con los años puede bajar la B12.',
      magnesium: 'Usted toma una medicina para la acidez. Con los años puede bajar el magnesio.',
    },
    ckd: {
      magnesium: 'Usted tiene una enfermedad de los riñones. Eso puede subir el magnesio.',
      'vitamin-d':
        'Usted tiene una enfermedad de los riñones. Su proveedor de salud lo tendrá en cuenta.',
    },
    pregnancy: {
      'vitamin-b12':
        'En el embarazo la B12 suele salir más baja. Su proveedor de salud lo tendrá en cuenta.',
    },
    biotin: {
      'vitamin-b12':
        'Usted toma biotina. Puede hacer que este análisis salga alto. Dígaselo a su proveedor.',
    },
    'recent-b12-injection': {
      'vitamin-b12':
        'Le pusieron una inyección de B12 hace menos de dos semanas. Por eso el resultado sale alto.',
    },
  },
  sectionHeadings: {
    why: 'Por qué importa para su espalda',
    foods: 'Alimentos que ayudan',
    suggest: 'Lo que le pueden sugerir',
    goodToKnow: 'Para tener en cuenta',
  },
  habitsHeading: 'Costumbres que ayudan a su espalda y a su salud',
  habits: [
    'Camine cada día, o haga yoga o pilates.',
    'Tome agua durante todo el día.',
    'Coma pescado, fruta, verduras, nueces.',
    'Menos comida rápida y refrescos.',
    'Calcio: leche, yogur, queso, verduras.',
    'Grasas buenas: pescado, nueces, chía.',
  ],
  notesHeading: 'Notas de su proveedor de salud',
  footer: {
    rules: 'Reglas usadas: {names}.',
    version: 'Versión de las reglas: {version}.',
    generated: 'Hecho el {date}.',
    page: 'Página {page} de {pages}',
  },
  disclaimer: 'Esta hoja no reemplaza los consejos de su proveedor de salud.',
};
