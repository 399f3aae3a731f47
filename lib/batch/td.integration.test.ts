import { mkdirSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/access/actor";
import { toBrusselsDate } from "@/lib/c607/calendar-date";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { META, personWith } from "@/lib/forem/testing/actors";
import { localize } from "@/lib/i18n/translator";
import { createCentre } from "@/tests/fixtures/people";
import { onssChannelOnSshd, startBatchSshd } from "@/tests/fixtures/batch-sshd";
import type { LoopbackSshd } from "@/tests/sftp/loopback-sshd";

import { listChannelQualities } from "./channels";
import { depositStatus } from "./deposit-status";
import { cancelSending, depositActions, depositSending, generatePortalKey, launchSending } from "./deposits";

// Issue 14, « TD »: a sending deposited without its GO, then launched (GO) or cancelled (TD); a TD
// refused once the GO is there; a TD on a failed upload whose FI may be on the server. Against a
// real OpenSSH server on 127.0.0.1: what lands in INTEST is read back from the server's own folder.
// Names and messages are written by hand from the sources (socialsecurity.be « Créer les fichiers
// FI, FS et GO » v13: TD.XXXX.123456.20120213.00001.R.1, named like the GO).

let sshd: LoopbackSshd;
let gl: Actor;
let channelId: string;
let senderNumber: string;

const ymd = () => toBrusselsDate(new Date()).replaceAll("-", "");
const bytes = (text: string) => new TextEncoder().encode(text);
const intest = () => readdirSync(path.join(sshd.root, "INTEST")).sort();
const hold = (fi: string[]) =>
  depositSending({ actor: gl, meta: META, input: { channelId, code: "DMFA", environment: "T" }, fi: fi.map(bytes), fs: [], launch: false });

async function refusalOf(p: Promise<unknown>): Promise<[string, string, string] | unknown> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  return isAppError(error) ? [error.code, localize("fr", error.message), localize("nl", error.message)] : error;
}

beforeAll(async () => {
  sshd = await startBatchSshd();
  ({ gl, channelId, senderNumber } = await onssChannelOnSshd(sshd, { label: "gl-onss-td", accountName: "Envois annulables" }));
}, 60_000);
afterAll(async () => {
  await sshd?.stop();
  await db.$disconnect();
});

describe("TD: cancelling a sending that has no GO yet (real sshd on loopback)", () => {
  it("offers no TD on a deposit that failed before anything was written (the server refused the portal's key)", async () => {
    const key = await generatePortalKey({ actor: gl, meta: META, channelId });
    // Not registered on the server yet: refused, recorded FAILED, nothing written.
    expect(await refusalOf(hold(["<a/>"]))).toEqual(["UNAVAILABLE", expect.any(String), expect.any(String)]);
    const failed = await db.batchDeposit.findFirstOrThrow({ where: { channelId, status: "FAILED" } });
    expect(depositActions(failed)).toEqual({ launch: false, cancel: false });
    sshd.authorize(key.publicKey);
    expect(await refusalOf(cancelSending({ actor: gl, meta: META, depositId: failed.id }))).toEqual([
      "CONFLICT",
      "Cet envoi a échoué avant toute écriture sur le serveur : il n'y a rien à annuler.",
      "Deze zending is mislukt voordat er iets op de server werd geschreven: er is niets te annuleren.",
    ]);
    expect(intest()).toEqual([]);
  });

  it("deposits FI without the GO, then writes the empty TD named like the GO, audited, and shows « annulé (TD) »", async () => {
    const held = await hold(["<partie1/>", "<partie2/>"]);
    const stem = `DMFA.${senderNumber}.${ymd()}.00002.T.2`; // 00001 went to the refused attempt above
    expect(held).toMatchObject({ status: "HELD", setName: `GO.${stem}`, directory: "INTEST" });
    expect(intest()).toEqual([`FI.${stem}.1`, `FI.${stem}.2`]); // no GO: the social security waits
    expect(await db.auditEvent.count({ where: { targetId: held.id, action: "batch.deposited_without_go" } })).toBe(1);
    const shown = async (locale: "fr" | "nl") => {
      const [q] = await listChannelQualities(gl);
      const d = q!.deposits.find((x) => x.id === held.id)!;
      return { status: depositStatus(d, d.acknowledgements, locale), actions: depositActions(d) };
    };
    expect(await shown("fr")).toEqual({ status: "déposé sans GO : traitement non lancé", actions: { launch: true, cancel: true } });
    expect((await shown("nl")).status).toBe("geplaatst zonder GO: verwerking niet gestart");

    const cancelled = await cancelSending({ actor: gl, meta: META, depositId: held.id });
    expect(cancelled).toMatchObject({ status: "CANCELLED", file: `TD.${stem}`, directory: "INTEST" });
    expect(intest()).toEqual([`FI.${stem}.1`, `FI.${stem}.2`, `TD.${stem}`]);
    expect(statSync(path.join(sshd.root, "INTEST", `TD.${stem}`)).size).toBe(0);
    expect(await shown("fr")).toEqual({ status: "annulé (TD)", actions: { launch: false, cancel: false } });
    expect((await shown("nl")).status).toBe("geannuleerd (TD)");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { targetId: held.id, action: "batch.cancelled" } });
    expect(audit).toMatchObject({
      actorId: gl.personId,
      targetType: "BatchDeposit",
      before: { status: "HELD" },
      after: { status: "CANCELLED", directory: "INTEST", file: `TD.${stem}` },
    });
    const row = await db.batchDeposit.findUniqueOrThrow({ where: { id: held.id } });
    expect((row.files as { name: string }[]).map((f) => f.name)).toEqual([`FI.${stem}.1`, `FI.${stem}.2`, `TD.${stem}`]);

    // Cancelled: neither a GO nor a second TD.
    expect(await refusalOf(launchSending({ actor: gl, meta: META, depositId: held.id }))).toEqual([
      "CONFLICT",
      "Cet envoi est déjà annulé (TD).",
      "Deze zending is al geannuleerd (TD).",
    ]);
    expect(await refusalOf(cancelSending({ actor: gl, meta: META, depositId: held.id }))).toEqual(["CONFLICT", expect.any(String), expect.any(String)]);
    expect(intest()).toEqual([`FI.${stem}.1`, `FI.${stem}.2`, `TD.${stem}`]);
  });

  it("launches a held sending with its GO, after which a TD is refused with the reason", async () => {
    const held = await hold(["<lancer/>"]);
    const stem = `DMFA.${senderNumber}.${ymd()}.00003.T.1`;
    expect(await launchSending({ actor: gl, meta: META, depositId: held.id })).toMatchObject({ status: "DEPOSITED", file: `GO.${stem}` });
    expect(intest()).toContain(`GO.${stem}`);
    expect(await db.auditEvent.findFirstOrThrow({ where: { targetId: held.id, action: "batch.launched" } })).toMatchObject({
      before: { status: "HELD" },
      after: { status: "DEPOSITED", file: `GO.${stem}` },
    });
    expect(await refusalOf(cancelSending({ actor: gl, meta: META, depositId: held.id }))).toEqual([
      "CONFLICT",
      "Le GO de cet envoi est déjà déposé : son traitement est lancé et un TD ne l'annule plus (le TD annule un envoi qui n'a pas encore son GO).",
      "De GO van deze zending is al geplaatst: de verwerking is gestart en een TD annuleert ze niet meer (een TD annuleert een zending die haar GO nog niet heeft).",
    ]);
    expect(intest()).not.toContain(`TD.${stem}`);
    expect(await db.auditEvent.count({ where: { targetId: held.id, action: "batch.cancelled" } })).toBe(0);

    // A sending deposited with its GO at once: refused the same way.
    const direct = await depositSending({ actor: gl, meta: META, input: { channelId, code: "DMFA", environment: "T" }, fi: [bytes("<direct/>")], fs: [] });
    expect(await refusalOf(cancelSending({ actor: gl, meta: META, depositId: direct.id }))).toEqual([
      "CONFLICT",
      expect.stringContaining("un TD ne l'annule plus"),
      expect.any(String),
    ]);
  });

  it("cancels a failed upload whose FI is on the server (its GO could not be written)", async () => {
    const stem = `DMFA.${senderNumber}.${ymd()}.00005.T.1`;
    // A folder where the GO should go: the server refuses to write it, after the FI.
    mkdirSync(path.join(sshd.root, "INTEST", `GO.${stem}`));
    const refused = await refusalOf(
      depositSending({ actor: gl, meta: META, input: { channelId, code: "DMFA", environment: "T" }, fi: [bytes("<moitie/>")], fs: [] }),
    );
    expect(refused).toEqual(["UNAVAILABLE", expect.stringContaining("a refusé l'écriture d'un fichier"), expect.any(String)]);
    expect(intest()).toContain(`FI.${stem}.1`);
    const failed = await db.batchDeposit.findFirstOrThrow({ where: { channelId, setName: `GO.${stem}` } });
    expect(failed.status).toBe("FAILED");
    expect(depositActions(failed)).toEqual({ launch: false, cancel: true });
    expect(await refusalOf(launchSending({ actor: gl, meta: META, depositId: failed.id }))).toEqual([
      "CONFLICT",
      expect.stringContaining("Annulez-le (TD)"),
      expect.any(String),
    ]);
    expect(await cancelSending({ actor: gl, meta: META, depositId: failed.id })).toMatchObject({ status: "CANCELLED", file: `TD.${stem}` });
    expect(intest()).toContain(`TD.${stem}`);
    expect(await db.auditEvent.findFirstOrThrow({ where: { targetId: failed.id, action: "batch.cancelled" } })).toMatchObject({
      before: { status: "FAILED" },
    });
  });

  it("does a GO and a TD pressed at the same moment one after the other: exactly one is written", async () => {
    const held = await hold(["<course/>"]);
    const stem = `DMFA.${senderNumber}.${ymd()}.00006.T.1`;
    const results = await Promise.allSettled([
      launchSending({ actor: gl, meta: META, depositId: held.id }),
      cancelSending({ actor: gl, meta: META, depositId: held.id }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected");
    expect(isAppError(rejected?.reason) && rejected.reason.code).toBe("CONFLICT");
    const written = intest().filter((n) => n === `GO.${stem}` || n === `TD.${stem}`);
    expect(written).toHaveLength(1);
    const row = await db.batchDeposit.findUniqueOrThrow({ where: { id: held.id } });
    expect(row.status).toBe(written[0]!.startsWith("GO") ? "DEPOSITED" : "CANCELLED");
  });

  it("refuses another centre's GL, and a GL of another quality of the same centre, changing nothing", async () => {
    const held = await hold(["<autrui/>"]);
    const other = await createCentre();
    const stranger = await personWith({ entityId: other.entity.id, qualityId: other.quality.id, label: "autre-td", roles: ["GL"] });
    expect(await refusalOf(cancelSending({ actor: stranger, meta: META, depositId: held.id }))).toEqual(["NOT_FOUND", expect.any(String), expect.any(String)]);
    const onssQuality = await db.quality.findFirstOrThrow({ where: { entityId: gl.entityId, type: "EMPLOYEUR_ONSS" } });
    const social = await db.quality.findFirstOrThrow({ where: { entityId: gl.entityId, type: "ACTION_SOCIALE" } });
    expect(social.id).not.toBe(onssQuality.id);
    const glSocial = await personWith({ entityId: gl.entityId, qualityId: social.id, label: "gl-as-td", roles: ["GL"] });
    expect(await refusalOf(cancelSending({ actor: glSocial, meta: META, depositId: held.id }))).toEqual(["FORBIDDEN", expect.any(String), expect.any(String)]);
    expect(await refusalOf(launchSending({ actor: glSocial, meta: META, depositId: held.id }))).toEqual(["FORBIDDEN", expect.any(String), expect.any(String)]);
    expect((await db.batchDeposit.findUniqueOrThrow({ where: { id: held.id } })).status).toBe("HELD");
    expect(
      intest()
        .filter((n) => n.startsWith("TD.") || n.startsWith("GO."))
        .some((n) => n.includes(held.setName.slice(3))),
    ).toBe(false);
  });
});
