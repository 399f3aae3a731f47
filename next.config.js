import { createRequire } from "node:module";
import path from "node:path";

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
  // The message catalogues are compiled when the application is built (issue 15): the server and
  // the browser format them without parsing ICU text on each request, and the browser no longer
  // downloads the ICU parser. The loader compiles them with next-intl's own compiler (icu-minify)
  // and its format-only runtime formats them; the two go together, and neither applies outside the
  // build (jobs, scripts, tests read the catalogues as written). docs/i18n.md, « Catalogues
  // compiled at build time ».
  turbopack: {
    rules: {
      "*.json": { condition: { path: "{./messages/fr,./messages/nl}/**/*" }, loaders: ["./lib/i18n/precompile-loader.cjs"], as: "*.json" },
    },
    resolveAlias: {
      "use-intl/format-message": `./${path.relative(process.cwd(), createRequire(import.meta.url).resolve("use-intl/format-message/format-only"))}`,
    },
  },
};

export default withNextIntl(nextConfig);
