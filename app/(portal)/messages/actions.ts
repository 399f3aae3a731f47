"use server";

import { z } from "zod";

import { defineAction } from "@/lib/http/define-action";
import { ZId } from "@/lib/http/parse-id";
import { markNotificationRead } from "@/lib/notifications/list-inbox";

/** The person's own messages only: the domain function loads the message by id, centre and person. */
export const markReadAction = defineAction({
  name: "messages : lu",
  permission: "signedIn",
  args: [ZId],
  input: z.unknown(),
  run: async ({ actor, args: [id] }) => {
    await markNotificationRead({ actor, id });
    return { id };
  },
  revalidate: ["/messages"],
});
