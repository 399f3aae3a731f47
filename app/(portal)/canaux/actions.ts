"use server";

import { revalidatePath } from "next/cache";

import { requireActor } from "@/lib/auth/get-actor";
import { createChannel, setChannelActive, setChannelServices, ZChannelId, ZChannelServices, ZCreateChannel } from "@/lib/batch/channels";
import { buildFileNames, checkFileSet } from "@/lib/batch/file-names";
import { generatePortalKey } from "@/lib/batch/deposits";
import { createMandate, revokeMandate, ZCreateMandate, ZMandateId } from "@/lib/batch/mandates";
import { AppError } from "@/lib/errors/app-error";
import { requestMeta } from "@/lib/http/request-context";
import { parseInput, runAction, type ActionState } from "@/lib/http/server-action";

// Server actions are public endpoints: each loads the actor, and each domain command checks the
// permission table (quality.manage_channels) on the quality it touches.
type State = ActionState<unknown>;

async function done<T>(context: string, fn: () => Promise<T>, message: (r: T) => string): Promise<State> {
  const state = await runAction(context, fn);
  if (state.status !== "success") return state;
  revalidatePath("/canaux");
  return { ...state, message: message(state.data) };
}

export async function createChannelAction(_: State, f: FormData): Promise<State> {
  return done(
    "canal batch : création",
    async () => {
      const actor = await requireActor();
      const input = parseInput(ZCreateChannel, { ...Object.fromEntries(f), services: f.getAll("services") });
      const file = f.get("certificate");
      const certificate = file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
      return createChannel({ actor, meta: await requestMeta(), input, certificate });
    },
    (r) => `Canal ${r.kind} créé. Votre numéro d'expéditeur : ${r.senderNumber}.`,
  );
}

export async function channelServicesAction(_: State, f: FormData): Promise<State> {
  return done(
    "canal batch : permissions",
    async () => {
      const actor = await requireActor();
      const input = parseInput(ZChannelServices, { channelId: f.get("channelId"), services: f.getAll("services") });
      await setChannelServices({ actor, meta: await requestMeta(), input });
    },
    () => "Permissions sécurisées enregistrées.",
  );
}

export async function channelActiveAction(_: State, f: FormData): Promise<State> {
  return done(
    "canal batch : suspension",
    async () => {
      const actor = await requireActor();
      const { channelId } = parseInput(ZChannelId, { channelId: f.get("channelId") });
      const isActive = f.get("isActive") === "true";
      await setChannelActive({ actor, meta: await requestMeta(), channelId, isActive });
      return isActive;
    },
    (isActive) => (isActive ? "Canal réactivé." : "Canal suspendu."),
  );
}

export async function createMandateAction(_: State, f: FormData): Promise<State> {
  return done(
    "mandat : création",
    async () => {
      const actor = await requireActor();
      return createMandate({ actor, meta: await requestMeta(), input: parseInput(ZCreateMandate, Object.fromEntries(f)) });
    },
    () => "Mandat enregistré.",
  );
}

export async function revokeMandateAction(_: State, f: FormData): Promise<State> {
  return done(
    "mandat : révocation",
    async () => {
      const actor = await requireActor();
      const { mandateId } = parseInput(ZMandateId, { mandateId: f.get("mandateId") });
      await revokeMandate({ actor, meta: await requestMeta(), mandateId });
    },
    () => "Mandat révoqué.",
  );
}

/** Names of one sending (FI, FS, GO): a pure computation, offered to those who may see the page. */
export async function fileNamesAction(_: State, f: FormData): Promise<State> {
  return runAction("canal batch : noms de fichiers", async () => {
    await requireActor();
    const text = (k: string) => String(f.get(k) ?? "").trim();
    const set = {
      code: text("code").toUpperCase(),
      senderNumber: text("senderNumber"),
      date: text("date"),
      sequence: Number(text("sequence")),
      environment: text("environment") as "R" | "T",
      parts: Number(text("parts")),
    };
    const errors = checkFileSet(set);
    if (errors.length > 0) throw new AppError("BAD_REQUEST", "Corrigez les champs indiqués.", Object.fromEntries(errors.map((e) => [e.field, [e.message]])));
    const names = buildFileNames(set);
    return `Déposez dans ${names.directory} : ${[...names.fi, ...names.fs].join(", ")}, puis en dernier ${names.go} (fichier vide).`;
  }).then((s) => (s.status === "success" ? { ...s, message: s.data } : s));
}

/** The portal's own SSH key for depositing on this channel (its public part is shown once, to register in Chaman). */
export async function portalKeyAction(_: State, f: FormData): Promise<State> {
  return done(
    "canal batch : clé du portail",
    async () => {
      const actor = await requireActor();
      const { channelId } = parseInput(ZChannelId, { channelId: f.get("channelId") });
      return generatePortalKey({ actor, meta: await requestMeta(), channelId });
    },
    (r) => `Clé du portail créée (${r.fingerprint}). Enregistrez cette clé publique dans Chaman pour l'utilisateur technique du canal : ${r.publicKey}`,
  );
}
