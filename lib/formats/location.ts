import type { FieldPath } from '../types';

/**
 * Where something is in a source document, kept as segments until it is printed:
 * `['entry', 4, 'resource', 'valueQuantity', 'value']` prints `entry[4].resource.valueQuantity.value`,
 * `[{ label: 'row 5 (panel P3)' }, 'value']` prints `row 5 (panel P3) value`.
 */
export type LocationSegment = FieldPath[number] | { readonly label: string };

/** A location: the segments, outermost first. */
export type Location = readonly LocationSegment[];

/**
 * Prints a location: numbers as `[n]`, names joined by dots, a label followed by a space. The one
 * printer of paths and locations, called where text is written for a person or the wire (the
 * screen, the API's problem list, the CLI's stderr); a field path is a location without labels.
 * @param location - the segments
 * @returns the printed location, or `(input)` for an empty one
 */
export function formatLocation(location: Location): string {
  let out = '';
  let afterLabel = false;
  for (const segment of location) {
    if (typeof segment === 'number') {
      out += `[${segment}]`;
      afterLabel = false;
    } else if (typeof segment === 'string') {
      out += out === '' ? segment : afterLabel ? ` ${segment}` : `.${segment}`;
      afterLabel = false;
    } else {
      out += out === '' ? segment.label : ` ${segment.label}`;
      afterLabel = true;
    }
  }
  return out === '' ? '(input)' : out;
}

/**
 * A zod issue's path as a field path: zod's segments are property keys, and a symbol (which no
 * schema here uses) is kept as its description rather than dropped.
 * @param path - the path segments
 * @returns the same segments as names and indexes
 */
export function toFieldPath(path: ReadonlyArray<PropertyKey>): FieldPath {
  return path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment));
}
