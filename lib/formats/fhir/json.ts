/** A JSON object as parsed: its fields are checked before use. */
export type JsonObject = Record<string, unknown>;

/**
 * Whether a parsed JSON value is an object (not null, not an array).
 * @param value - the value
 * @returns true for an object
 */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A JSON value as a list: itself when it is an array, else empty.
 * @param value - the value
 * @returns the array, or an empty one
 */
export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
