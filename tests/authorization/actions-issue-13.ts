import { changeOwnLanguage } from "@/lib/auth/account/change-language";
import { db } from "@/lib/db/client";

import type { Attempt } from "./actions";
import { META as meta, type PersonaKey, type World } from "./world";

// Issue 13: the language of one's own account (the switch at the top of every page and « Mon
// compte »: app/langue/actions.ts, changeLanguageAction). The rows are in
// expectations.integration.test.ts; the anonymous switch (chooseLanguageAction) only sets this
// browser's cookie and is tried through the action itself there.

export const ISSUE_13_ACTIONS: Record<string, (w: World, target: string) => Promise<Attempt>> = {
  // The target names whose row must turn Dutch: the actor's own row only, never an input's.
  "change own language": async (w, t) => {
    const personId = await w.person(t as PersonaKey);
    return {
      run: (actor) => changeOwnLanguage({ actor, meta, language: "nl" }),
      effect: async () => (await db.person.findUniqueOrThrow({ where: { id: personId }, select: { language: true } })).language === "nl",
    };
  },
};
