"use server";

import { defineFormAction } from "@/lib/http/define-action";
import { endMySession } from "@/lib/sessions/end-my-session";
import { endPersonSessions } from "@/lib/sessions/end-person-sessions";
import { ZEndPersonSessions, ZEndSession } from "@/lib/sessions/schemas";
import { msg } from "@/lib/i18n/message-ref";
import { ofName } from "@/lib/text/french";

// One's own sessions ("signedIn": the domain function looks only at the actor's sessions), and the
// DPD's "end all sessions of a person" (the domain function checks the DPD role again).

export const endMySessionAction = defineFormAction({
  name: "sessions : fermer une session",
  permission: "signedIn",
  input: ZEndSession,
  // The ended row leaves the list (and its form with it): the page itself says it is done.
  redirectTo: "/sessions?fermee=1",
  run: ({ actor, meta, input }) => endMySession({ actor, meta, handle: input.session }),
});

export const endPersonSessionsAction = defineFormAction({
  name: "sessions : fermer les sessions d'une personne",
  permission: "session.end_others",
  resource: ({ actor }) => ({ entityId: actor.entityId }),
  input: ZEndPersonSessions,
  run: ({ actor, meta, input }) => endPersonSessions({ actor, meta, personEmail: input.personEmail }),
  success: ({ personName, count, tokens }) =>
    msg("sessions.personEnded", { name: personName, elide: ofName(personName).startsWith("d'") ? "yes" : "no", count, tokens }),
});
