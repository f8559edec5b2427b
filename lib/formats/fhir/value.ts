import type { ImportNotice, LocatedError } from '../import-types';
import type { AnalyteId, Comparator } from '../../types';
import { COMPARATORS } from '../../types';
import { listUnits, normaliseUnit } from '../../units';
import type { Location } from '../location';
import { BAND_SYSTEM, UCUM_SYSTEM } from '../codes';
import { asArray, isObject } from './json';
import type { JsonObject } from './json';

/** A value written as text: "<5", ">= 150", "≤ 5", optionally followed by a unit ("<5 ng/mL"). */
// Matched on trimmed text: no two unbounded parts can match the same characters (linear time).
const VALUE_STRING = /^(?:(<=|>=|<|>|≤|≥)\s*)?(\d+(?:\.\d+)?|\.\d+)(?:\s*([^\s\d<>=≤≥]\S*))?$/;

function toComparator(text: string | undefined): Comparator | undefined {
  if (text === undefined) return undefined;
  const mapped = text === '≤' ? '<=' : text === '≥' ? '>=' : text;
  return COMPARATORS.find((candidate) => candidate === mapped);
}

/** The unit the lab gave on the Observation's own reference range, when one is given. */
function rangeUnit(resource: JsonObject): { unit: string; path: Location } | undefined {
  const ranges = asArray(resource.referenceRange);
  for (let index = 0; index < ranges.length; index++) {
    const range = ranges[index];
    if (!isObject(range)) continue;
    for (const bound of ['low', 'high'] as const) {
      const quantity = range[bound];
      if (!isObject(quantity)) continue;
      const unit =
        typeof quantity.code === 'string'
          ? quantity.code
          : typeof quantity.unit === 'string'
            ? quantity.unit
            : undefined;
      if (unit !== undefined) return { unit, path: ['referenceRange', index, bound] };
    }
  }
  return undefined;
}

function readUnit(
  quantity: JsonObject,
  at: Location,
  analyte: AnalyteId,
): { unit: string; path: Location } | { errors: LocatedError[] } {
  const code = typeof quantity.code === 'string' ? quantity.code : undefined;
  const text = typeof quantity.unit === 'string' ? quantity.unit : undefined;
  const codeIsUcum = quantity.system === undefined || quantity.system === UCUM_SYSTEM;
  // UCUM code first (it is the machine-readable one), then the display unit; never a default.
  const candidates: Array<{ unit: string; path: Location }> = [];
  if (code !== undefined && codeIsUcum) candidates.push({ unit: code, path: [...at, 'code'] });
  if (text !== undefined) candidates.push({ unit: text, path: [...at, 'unit'] });
  const first = candidates[0];
  if (first === undefined) {
    return {
      errors: [
        {
          path: [...at, 'unit'],
          message: `is required: the unit is never guessed; use one of ${listUnits(analyte).join(', ')}`,
          code: 'required',
        },
      ],
    };
  }
  const recognised = candidates.find((candidate) => normaliseUnit(candidate.unit) !== undefined);
  if (recognised === undefined) {
    return {
      errors: [
        {
          path: first.path,
          message: `"${first.unit}" is not a recognised unit; use one of ${listUnits(analyte).join(', ')}`,
          code: 'unknown-unit',
        },
      ],
    };
  }
  return recognised;
}

/**
 * The lab's reference range: the first one (not our own guideline band) with a low and a high
 * in the value's unit, low below high. Ranges that cannot be a range (0-0 placeholders, text
 * only, one bound only, another unit) are dropped with a notice: the result is still read.
 */
export function readLabRange(
  resource: JsonObject,
  at: Location,
  unit: string,
): { labRange?: { low: number; high: number }; path?: Location; dropped: ImportNotice[] } {
  const dropped: ImportNotice[] = [];
  const ranges = asArray(resource.referenceRange);
  const wanted = normaliseUnit(unit);
  for (let index = 0; index < ranges.length; index++) {
    const range = ranges[index];
    const path: Location = [...at, 'referenceRange', index];
    if (!isObject(range)) continue;
    // Our own guideline band (written by toFhirBundle) is not the lab's range.
    const typeCodings = isObject(range.type) ? asArray(range.type.coding) : [];
    if (typeCodings.some((coding) => isObject(coding) && coding.system === BAND_SYSTEM)) continue;
    const low = isObject(range.low) ? range.low : undefined;
    const high = isObject(range.high) ? range.high : undefined;
    const lowValue = typeof low?.value === 'number' ? low.value : undefined;
    const highValue = typeof high?.value === 'number' ? high.value : undefined;
    let reason: string | undefined;
    if (lowValue === undefined && highValue === undefined) {
      reason = typeof range.text === 'string' ? 'has text only' : 'has no low or high value';
    } else if (lowValue === undefined || highValue === undefined) {
      reason = lowValue === undefined ? 'has a high value only' : 'has a low value only';
    } else if (!(highValue > lowValue) || lowValue < 0) {
      reason = `${lowValue}-${highValue} is not a range`;
    } else {
      for (const bound of [low, high]) {
        const boundUnit =
          typeof bound?.code === 'string'
            ? bound.code
            : typeof bound?.unit === 'string'
              ? bound.unit
              : undefined;
        // A range in another unit is left out rather than converted or assumed.
        if (boundUnit !== undefined && normaliseUnit(boundUnit) !== wanted) {
          reason = `is in ${boundUnit}, not in the result's unit ${unit}`;
        }
      }
    }
    if (reason !== undefined) {
      dropped.push({ path, message: `${reason}: the lab's range was not used` });
      continue;
    }
    if (lowValue !== undefined && highValue !== undefined) {
      return { labRange: { low: lowValue, high: highValue }, path, dropped };
    }
  }
  return { dropped };
}

export function readValue(
  resource: JsonObject,
  at: Location,
  analyte: AnalyteId,
):
  | { value: number; comparator?: Comparator; unit: string; fields: Record<string, Location> }
  | { errors: LocatedError[] } {
  const quantity = resource.valueQuantity;
  if (isObject(quantity)) {
    const quantityPath: Location = [...at, 'valueQuantity'];
    if (typeof quantity.value !== 'number') {
      return {
        errors: [
          { path: [...quantityPath, 'value'], message: 'must be a number', code: 'not-a-number' },
        ],
      };
    }
    let comparator: Comparator | undefined;
    if (quantity.comparator !== undefined) {
      comparator = COMPARATORS.find((candidate) => candidate === quantity.comparator);
      if (comparator === undefined) {
        return {
          errors: [
            {
              path: [...quantityPath, 'comparator'],
              message: 'must be one of <, <=, >, >=',
              code: 'invalid',
            },
          ],
        };
      }
    }
    const unit = readUnit(quantity, quantityPath, analyte);
    if ('errors' in unit) return unit;
    return {
      value: quantity.value,
      ...(comparator === undefined ? {} : { comparator }),
      unit: unit.unit,
      fields: {
        value: [...quantityPath, 'value'],
        comparator: [...quantityPath, 'comparator'],
        unit: unit.path,
      },
    };
  }
  if (typeof resource.valueString === 'string') {
    const path: Location = [...at, 'valueString'];
    const match = VALUE_STRING.exec(resource.valueString.trim());
    if (match === null) {
      return {
        errors: [
          {
            path,
            message: 'must be a number, or a censored value such as <5 or >= 150',
            code: 'not-a-number',
          },
        ],
      };
    }
    const comparator = toComparator(match[1]);
    const value = Number(match[2]);
    const written = match[3];
    const fromRange = rangeUnit(resource);
    const unit = written ?? fromRange?.unit;
    if (unit === undefined) {
      return {
        errors: [
          {
            path,
            message: `has no unit (and no reference range gives one): the unit is never guessed; use one of ${listUnits(analyte).join(', ')}`,
            code: 'required',
          },
        ],
      };
    }
    const unitPath: Location =
      written === undefined && fromRange !== undefined ? [...at, ...fromRange.path] : path;
    if (normaliseUnit(unit) === undefined) {
      return {
        errors: [
          {
            path: unitPath,
            message: `"${unit}" is not a recognised unit; use one of ${listUnits(analyte).join(', ')}`,
            code: 'unknown-unit',
          },
        ],
      };
    }
    return {
      value,
      ...(comparator === undefined ? {} : { comparator }),
      unit,
      fields: { value: path, comparator: path, unit: unitPath },
    };
  }
  const other = Object.keys(resource).find(
    (key) => key.startsWith('value') && resource[key] !== undefined,
  );
  const absent = isObject(resource.dataAbsentReason) ? ' (the lab gave a dataAbsentReason)' : '';
  return {
    errors: [
      {
        path: [...at, 'valueQuantity'],
        message:
          other === undefined
            ? `is required${absent}: a numeric value with its unit`
            : `is required: ${other} is not read, only valueQuantity or a numeric valueString`,
        code: 'required',
      },
    ],
  };
}
