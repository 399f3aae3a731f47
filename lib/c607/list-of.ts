import { msg } from "@/lib/i18n/message-ref";

/**
 * Several catalogue references read as one text, « a ; b ; c »: a chain of `c607.calc.list`
 * references, each translated in the reader's language (localize translates nested references).
 * One item: itself; none: "".
 */
export function listOf(items: string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return msg("c607.calc.list", { first: items[0]!, rest: listOf(items.slice(1)) });
}
