import "server-only";

import { env } from "@/lib/env";

import { blindIndexWithKey, openWithKey, sealWithKey } from "./secret-box";

// Key rotation (docs/key-rotation.md): the new keys go in PORTAL_DATA_KEY / PORTAL_INDEX_KEY and
// the old data key in PORTAL_DATA_KEY_PREVIOUS, so values sealed before still open until
// `npm run keys:rotate` has re-sealed them all.
const dataKey = () => Buffer.from(env().PORTAL_DATA_KEY, "base64");
const previousDataKey = () => (env().PORTAL_DATA_KEY_PREVIOUS ? Buffer.from(env().PORTAL_DATA_KEY_PREVIOUS!, "base64") : null);
const indexKey = () => Buffer.from(env().PORTAL_INDEX_KEY, "base64");

export const seal = (plaintext: string) => sealWithKey(plaintext, dataKey());
export const blindIndex = (value: string) => blindIndexWithKey(value, indexKey());

export function open(sealed: string): string {
  try {
    return openWithKey(sealed, dataKey());
  } catch (error) {
    const previous = previousDataKey();
    if (!previous) throw error;
    return openWithKey(sealed, previous);
  }
}
