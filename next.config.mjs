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
  // Lets parallel local builds (and their test servers) use separate output folders.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  headers: async () => [{ source: '/:path*', headers: securityHeaders }],
  // harfbuzzjs (handout shaping) loads its WebAssembly with Node's fs on the server: keep it a
  // runtime require there; in the browser its Node-only `import("module")` is never run.
  serverExternalPackages: ['harfbuzzjs'],
  turbopack: {
    resolveAlias: { module: { browser: './lib/handout/font/no-node-module.ts' } },
  },
};

export default nextConfig;
