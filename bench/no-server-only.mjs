// Benchmarks run server/ modules outside Next, where the `server-only` marker would throw (it is
// empty only under the react-server condition). This hook resolves it to an empty module, as
// scripts/labs.mjs does for the CLI bundle. Used as `tsx --import ./bench/no-server-only.mjs`.
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(
      `export async function resolve(specifier, context, next) {
        if (specifier === 'server-only') return { url: 'data:text/javascript,', shortCircuit: true };
        return next(specifier, context);
      }`,
    ),
);
