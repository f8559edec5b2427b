/**
 * Where something is in a source document, kept as segments until it is printed:
 * `['entry', 4, 'resource', 'valueQuantity', 'value']` prints `entry[4].resource.valueQuantity.value`,
 * `[{ label: 'row 5 (panel P3)' }, 'value']` prints `row 5 (panel P3) value`.
 */
export type LocationSegment = string | number | { readonly label: string };

/** A location: the segments, outermost first. */
export type Location = readonly LocationSegment[];

/**
 * Prints a location: numbers as `[n]`, names joined by dots, a label followed by a space.
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
 * Splits a path as `interpret()` writes it (`results[0].labRange.low`, see `formatPath` in
 * lib/schemas) back into segments. It is the exact inverse of that formatter: names are split at
 * dots, `[n]` becomes the number n.
 * @param path - the path text
 * @returns the segments (empty for `(root)`)
 */
export function splitFieldPath(path: string): Array<string | number> {
  if (path === '(root)' || path === '') return [];
  const segments: Array<string | number> = [];
  let name = '';
  let index = 0;
  while (index < path.length) {
    const char = path[index];
    if (char === '.') {
      if (name !== '') segments.push(name);
      name = '';
      index++;
    } else if (char === '[') {
      if (name !== '') segments.push(name);
      name = '';
      const close = path.indexOf(']', index);
      const inner = close === -1 ? '' : path.slice(index + 1, close);
      const number = Number(inner);
      if (close === -1 || inner === '' || !Number.isInteger(number)) {
        // Not written by formatPath: keep the rest as one name.
        segments.push(path.slice(index));
        return segments;
      }
      segments.push(number);
      index = close + 1;
    } else {
      name += char;
      index++;
    }
  }
  if (name !== '') segments.push(name);
  return segments;
}
