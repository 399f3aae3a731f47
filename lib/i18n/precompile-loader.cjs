// Build-time loader of the message catalogues (next.config.js, issue 15): each messages/<locale>/*.json
// file is given to the application as the same tree with every ICU message compiled by icu-minify,
// the compiler of next-intl's own `precompile` option, whose format-only runtime then formats them
// (use-intl/format-message, aliased in next.config.js). Why not that option itself: its loader
// turns the file into JavaScript, and Turbopack refuses the `with { type: "json" }` attribute the
// catalogues are imported with (Node's ESM, in the end-to-end fixtures, requires it). This one
// answers JSON. Plain text compiles to itself; see docs/i18n.md, « Catalogues compiled at build time ».
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a Turbopack (webpack) loader is a CommonJS module
const compile = require("icu-minify/compile").default;

function compileTree(node, at) {
  if (typeof node === "string") return compile(node);
  if (node === null || typeof node !== "object" || Array.isArray(node)) {
    throw new Error(`${at || "(racine)"} : un message doit être un texte ou un groupe de messages`);
  }
  const out = {};
  for (const [key, value] of Object.entries(node)) out[key] = compileTree(value, at ? `${at}.${key}` : key);
  return out;
}

module.exports = function precompileMessages(source) {
  return JSON.stringify(compileTree(JSON.parse(source), ""));
};
module.exports.compileTree = compileTree;
