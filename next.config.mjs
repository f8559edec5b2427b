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
  headers: async () => [
    { source: '/:path*', headers: securityHeaders },
    // Pages get X-Frame-Options from proxy.ts (DENY unless SMART frame origins are configured,
    // read at run time); everything the proxy does not see is never framed.
    ...['/api/:path*', '/_next/:path*', '/fonts/:path*', '/favicon.ico'].map((source) => ({
      source,
      headers: [{ key: 'X-Frame-Options', value: 'DENY' }],
    })),
  ],
};

export default nextConfig;
