import { isMessageRef } from "./message-ref";

/**
 * Text cut to `max` characters for storage, unless it is a message reference (issue 13): a
 * reference is made by code with bounded values, and cutting it would break it (the reader would
 * see its key, not its words). Plain text (stored before, or typed) is cut as before.
 */
export function clipText(text: string, max: number): string {
  return isMessageRef(text) ? text : text.slice(0, max);
}
