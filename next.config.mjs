// Security headers on every response. HTML pages replace this CSP with a per-request nonce
// policy in proxy.ts; everything else (API JSON, PDFs, build assets, fonts) runs no script and
// gets this locked-down one.
const securityHeaders = [
  {
    key: 'Content-Security-Policy',
    value: "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  },
  { key: 'Referrer-Policy', value: 'no-referrer' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  {
    key: 'Permissions-Policy',
    value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
  },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Cross-Origin-Resource-Policy', value: 'same-origin' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // One self-contained server per instance (node <distDir>/standalone/server.js): scripts/start.mjs, Dockerfile.
  output: 'standalone',
  // Types are checked by `npm test` (tsc), not again by every build or first `npm run app`.
  typescript: { ignoreBuildErrors: true },
  // Lets parallel local builds (and their test servers) use separate output folders.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  headers: async () => [{ source: '/:path*', headers: securityHeaders }],
};

export default nextConfig;
