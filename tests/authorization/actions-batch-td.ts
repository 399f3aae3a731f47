import { cancelSending, launchSending } from "@/lib/batch/deposits";
import { db } from "@/lib/db/client";

import type { Attempt } from "./actions";
import { META as meta, onssChannel, type World } from "./world";

// Issue 14, « TD »: launching (GO) or cancelling (TD) a sending of the « Employeur ONSS » quality
// deposited without its GO, under the same rule as the batch channels (seed 004 l.178-183). The rows
// are in expectations.integration.test.ts. Writing the GO or the TD needs the SFTP server: only
// refusals are rows here (the allowed path runs against a real sshd in lib/batch/td.integration.test.ts).

/** A held deposit (FI written, no GO) on a channel of the centre's ONSS quality, written directly. */
async function heldDeposit(w: World) {
  const createdById = await w.person("GL_ONSS");
  const channel = await onssChannel(w);
  return db.batchDeposit.create({
    data: {
      entityId: w.entityId,
      channelId: channel.id,
      environment: "T",
      setName: "GO.DMFA.100001.20261202.00001.T.1",
      files: [{ name: "FI.DMFA.100001.20261202.00001.T.1.1", size: 4, sha256: "00" }],
      status: "HELD",
      createdById,
    },
  });
}

const changed = async (id: string) => (await db.batchDeposit.findUniqueOrThrow({ where: { id } })).status !== "HELD";

export const BATCH_TD_ACTIONS: Record<string, (w: World, target: string) => Promise<Attempt>> = {
  "cancel sending (TD)": async (w) => {
    const d = await heldDeposit(w);
    return { run: (actor) => cancelSending({ actor, meta, depositId: d.id }), effect: () => changed(d.id) };
  },
  "launch sending (GO)": async (w) => {
    const d = await heldDeposit(w);
    return { run: (actor) => launchSending({ actor, meta, depositId: d.id }), effect: () => changed(d.id) };
  },
};
