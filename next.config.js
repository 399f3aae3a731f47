import createNextIntlPlugin from "next-intl/plugin";

// next-intl reads the request's language and catalogue from lib/i18n/request.ts (issue 13).
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Another build folder lets two checkouts' worth of work (or benchmarks) build side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  reactStrictMode: true,
  poweredByHeader: false,
  // Native and WASM packages stay outside the server bundle.
  // Types are checked once by `npm test` (tsc over the whole project, tests and scripts included);
  // the build does not repeat it.
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/adapter-pg", "pg", "@node-rs/argon2", "qrcode", "ssh2"],
};

export default withNextIntl(nextConfig);
