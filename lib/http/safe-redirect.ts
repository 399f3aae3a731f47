// Where the browser may go after sign-in (issue 9, finding 4). Every `callbackUrl` goes through
// here: the login page, the login flow in the browser, next-auth's redirect callback and the proxy.
// Browsers read `/\evil.example` and `//evil.example` as another host, and some of them strip tabs
// and newlines before resolving, so anything that is not plainly a path of this portal is refused
// rather than repaired. No server-only import: the login flow also uses it in the browser.

export const DEFAULT_AFTER_SIGN_IN = "/tableau-de-bord";

const BASE = "http://x";
const MAX_LENGTH = 2048;
// C0 controls, DEL, C1 controls, and the Unicode spaces and separators browsers may drop or read
// as a slash. A plain space is refused in the value itself, tolerated once decoded (`Van%20Damme`).
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u00a0\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff\\]/;
// Route handlers are no page to land on, and some GETs there act (exports, downloads): a link
// must not make someone run one just by signing in. `/login` stays allowed (sign-out goes there).
const REFUSED_TARGETS = /^\/api(?:[/?#]|$)/i;

/** A same-origin path (`/c607?page=2`) to go to after sign-in, or `/tableau-de-bord`. */
export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_LENGTH) return DEFAULT_AFTER_SIGN_IN;
  if (!isPlainPath(value) || value.includes(" ")) return DEFAULT_AFTER_SIGN_IN;
  // Encoded variants (`/%2F%2Fevil`, `/%5Cevil`, `%252F…`): what any layer may decode must pass too.
  let decoded = value;
  for (let round = 0; round < 3; round++) {
    let next: string;
    try {
      next = decodeURIComponent(decoded);
    } catch {
      return DEFAULT_AFTER_SIGN_IN;
    }
    if (next === decoded) break;
    if (!isPlainPath(next)) return DEFAULT_AFTER_SIGN_IN;
    decoded = next;
    if (round === 2) return DEFAULT_AFTER_SIGN_IN; // still changing after three decodings: refuse
  }
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return DEFAULT_AFTER_SIGN_IN;
  }
  if (url.origin !== BASE) return DEFAULT_AFTER_SIGN_IN;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (!isPlainPath(path) || REFUSED_TARGETS.test(path)) return DEFAULT_AFTER_SIGN_IN;
  return path;
}

/** One leading slash, then no second slash or backslash, no control or space characters. */
function isPlainPath(value: string): boolean {
  return value.startsWith("/") && !value.startsWith("//") && !UNSAFE_CHARS.test(value);
}
