// Stands in for Node's `module` in the browser bundle: harfbuzzjs's loader imports it only on
// its Node branch (createRequire), which never runs in a browser. See next.config.mjs.
export function createRequire(): never {
  throw new Error('node:module is not available in the browser');
}
