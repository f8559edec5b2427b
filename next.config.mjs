/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Lets parallel local builds (and their test servers) use separate output folders.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
};

export default nextConfig;
