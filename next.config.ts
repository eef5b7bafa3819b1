import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // PGlite must not be bundled: Turbopack rewrites its wasm/data URLs and it then fails
  // at request time with ERR_INVALID_ARG_TYPE (../shared/STACK.md).
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2'],
  poweredByHeader: false,
};

export default nextConfig;
