import i18next from "eslint-plugin-i18next";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";

import { I18N_PENDING } from "./eslint.i18n-pending.mjs";

// Next's rules, plus promise safety and type-only imports (STYLE: Tooling), and one rule of the
// house: process.env is read in lib/env.ts only (and the few start-up files named below).
const config = [
  { ignores: [".next/**", ".next-*/**", "node_modules/**", "lib/generated/**", "data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  ...nextVitals,
  ...nextTs,
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { "@typescript-eslint": tseslint.plugin },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Lisez la configuration via lib/env.ts." }],
      // Each Intl object holds ICU memory that V8 does not count: built per call, they made the
      // server's memory grow with every request (docs/deployment.md, Memory). Make them once.
      "no-restricted-syntax": [
        "error",
        {
          selector: ":function NewExpression[callee.object.name='Intl']",
          message: "Un objet Intl par appel : utilisez formatterFor(locale), getFormatter()/useFormatter(), ou un objet créé une fois au niveau du module.",
        },
        {
          selector: ":function CallExpression[callee.property.name=/^toLocale(Date|Time)?String$/][arguments.length>0]",
          message:
            "toLocale…String(locale, options) crée un objet Intl à chaque appel : utilisez formatterFor(locale) ou un Intl.DateTimeFormat créé une fois.",
        },
        {
          selector: ":function CallExpression[callee.property.name='localeCompare'][arguments.length>1]",
          message: "localeCompare(autre, locale, …) crée un Intl.Collator à chaque comparaison : utilisez un Intl.Collator créé une fois au niveau du module.",
        },
      ],
    },
  },
  {
    files: [
      "server.ts",
      "lib/env.ts",
      "lib/auth/cookie-policy.ts",
      "lib/http/public-origin.ts",
      "lib/db/client.ts",
      "scripts/**",
      "e2e/**",
      "tests/**",
      "bench/**",
      "playwright.config.ts",
      "**/*.test.ts",
      "lib/db/migrate/**",
      "lib/db/database-url.ts",
    ],
    rules: { "no-restricted-properties": "off" },
  },
  // Tests, scripts and benchmarks run once: an Intl object per call costs them nothing lasting.
  { files: ["scripts/**", "e2e/**", "tests/**", "bench/**", "**/*.test.ts", "**/*.test.tsx"], rules: { "no-restricted-syntax": "off" } },
  // Issue 13: no text shown to a person is written in a component; it comes from messages/<locale>.
  // Checked: JSX text and the attributes people read or hear. Areas not yet moved: eslint.i18n-pending.mjs.
  {
    files: ["app/**/*.tsx", "components/**/*.tsx"],
    ignores: I18N_PENDING,
    plugins: { i18next },
    rules: {
      "i18next/no-literal-string": [
        "error",
        {
          mode: "jsx-only",
          "jsx-attributes": {
            include: [
              "label",
              "aria-label",
              "title",
              "placeholder",
              "alt",
              "submitLabel",
              "caption",
              "confirm",
              "description",
              "hint",
              "legend",
              "summary",
              "lastColumn",
              "pendingLabel",
              "emptyText",
              "heading",
            ],
          },
          // Digits, punctuation, codes and decorative glyphs (arrows, ▾) are not words to translate.
          words: { exclude: ["[0-9!-/:-@[-`{-~\\s—–·…«»\\u2190-\\u21FF\\u25A0-\\u25FF]+", "[A-Z0-9_.-]+"] },
        },
      ],
    },
  },
];

export default config;
