import { HSTS_VALUE, SECURITY_HEADERS } from './server/security-headers.mjs';

// X-Frame-Options is not sent on every path: pages get it from proxy.ts (DENY unless SMART
// frame origins are configured, read at run time); everything else is never framed.
const securityHeaders = Object.entries(SECURITY_HEADERS)
  .filter(([key]) => key !== 'X-Frame-Options')
  .map(([key, value]) => ({ key, value }));

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // One self-contained server per instance (node <distDir>/standalone/server.js): scripts/start.mjs, Dockerfile.
  output: 'standalone',
  // The standalone output holds what the server reads: the traced modules, and the handout's
  // source fonts (public/fonts, node_modules/@expo-google-fonts: server/handout-fonts.ts reads
  // them by paths that start with those folders). No exclusion list: Next matches one anywhere in
  // a path, so the former 'bench/**' also dropped the server chunks of a `.next-bench` build.
  // Types are checked by `npm test` (tsc), not again by every build or first `npm run app`.
  typescript: { ignoreBuildErrors: true },
  // Lets parallel local builds (and their test servers) use separate output folders.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  // scripts/app.sh (a first start: build once, then serve) skips Turbopack's build cache, which
  // only speeds up a later rebuild and costs the first build 10-30 s to write.
  experimental: { turbopackFileSystemCacheForBuild: process.env.LABS_NEXT_BUILD_CACHE !== 'off' },
  // The app shows no remote or resized images: the optimizer endpoint stays off.
  images: { unoptimized: true },
  headers: async () => [
    { source: '/:path*', headers: securityHeaders },
    ...['/api/:path*', '/_next/:path*', '/fonts/:path*', '/fhir/:path*', '/favicon.ico'].map(
      (source) => ({ source, headers: [{ key: 'X-Frame-Options', value: 'DENY' }] }),
    ),
    {
      // HSTS only when the load balancer says the client came over HTTPS.
      source: '/:path*',
      has: [{ type: 'header', key: 'x-forwarded-proto', value: 'https' }],
      headers: [{ key: 'Strict-Transport-Security', value: HSTS_VALUE }],
    },
  ],
  // harfbuzzjs (handout shaping) loads its WebAssembly with Node's fs on the server: keep it a
  // runtime require there; in the browser its Node-only `import("module")` is never run.
  serverExternalPackages: ['harfbuzzjs'],
  turbopack: {
    resolveAlias: {
      module: { browser: './lib/handout/font/no-node-module.ts' },
      // The handout embeds its own fonts: the browser skips pdf-lib's standard-font metrics.
      '@pdf-lib/standard-fonts': { browser: './lib/handout/font/no-standard-fonts.ts' },
    },
  },
};

export default nextConfig;
