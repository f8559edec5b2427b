/**
 * One short example per format the Import dialog reads, shown in the dialog. Each is read by the
 * same reader as a paste (tests/unit/components/entry/import-examples.test.ts), so an example never
 * goes stale.
 */
export const IMPORT_EXAMPLES: ReadonlyArray<{ label: string; text: string }> = [
  {
    label:
      'Lab CSV (comma, semicolon or tab; columns such as test or analyte, result or value, unit, reference_range, collected)',
    text: 'panel_id,analyte,value,unit\nP1,Vitamin D,9,ng/mL\nP1,B12,190,pg/mL\nP1,Magnesium,0.64,mmol/L',
  },
  {
    label: 'FHIR R4 Observation (or a Bundle of them), coded with LOINC',
    text: JSON.stringify(
      {
        resourceType: 'Observation',
        status: 'final',
        code: { coding: [{ system: 'http://loinc.org', code: '62292-8' }] },
        effectiveDateTime: '2026-11-20',
        valueQuantity: {
          value: 9,
          unit: 'ng/mL',
          system: 'http://unitsofmeasure.org',
          code: 'ng/mL',
        },
      },
      null,
      1,
    ),
  },
  {
    label: 'HL7 v2 ORU^R01 (one segment per line; LOINC in OBX-3, unit OBX-6, range OBX-7)',
    text: [
      'MSH|^~\\&|LAB|CLINIC|||20261120||ORU^R01|MSG1|P|2.5.1',
      'OBR|1||ACC1||||20261120',
      'OBX|1|NM|62292-8^25-hydroxyvitamin D^LN||9|ng/mL|30-100|L|||F',
      'OBX|2|SN|2132-9^Vitamin B12^LN||<^150|pg/mL|200-900|L|||F',
    ].join('\n'),
  },
  {
    label: 'Panel JSON (as the API takes it)',
    text: JSON.stringify({
      collectedOn: '2026-11-20',
      results: [{ analyte: 'magnesium', value: 0.64, unit: 'mmol/L' }],
    }),
  },
];
