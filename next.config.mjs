import { HSTS_VALUE, SECURITY_HEADERS } from './server/security-headers.mjs';

const securityHeaders = Object.entries(SECURITY_HEADERS).map(([key, value]) => ({ key, value }));

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Lets parallel local builds (and their test servers) use separate output folders.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  // The app shows no remote or resized images: the optimizer endpoint stays off.
  images: { unoptimized: true },
  headers: async () => [
    { source: '/:path*', headers: securityHeaders },
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
    resolveAlias: { module: { browser: './lib/handout/font/no-node-module.ts' } },
  },
};

export default nextConfig;
