"use server";

import { obtainRestToken, registerRestClient, setRestClientId, ZRegisterRestClient, ZRestClient, ZRestClientId } from "@/lib/batch/rest/clients";
import { defineFormAction } from "@/lib/http/define-action";
import { msg } from "@/lib/i18n/message-ref";
import { qualityResource, restClientResource } from "@/lib/http/resolve-resource";

// The REST channel (Chaman « Canaux Webservices », issue 14), on the /canaux page: the same
// permission as every batch-channel action (« quality.manage_channels » on the quality of the
// client, resolved in the actor's centre); the domain commands check it again. Kept apart from
// ../actions.ts (the batch channel's) so that both can change without touching each other.

const refresh = ["/canaux"];

export const registerRestClientAction = defineFormAction({
  name: "canal REST : création d'un client",
  permission: "quality.manage_channels",
  input: ZRegisterRestClient,
  resource: ({ actor, input }) => qualityResource(actor, input.qualityId),
  run: ({ actor, meta, input }) => registerRestClient({ actor, meta, input }),
  revalidate: refresh,
  success: (r) => msg("batch.rest.actions.registered", { name: r.name, fingerprint: r.fingerprint }),
});

export const restClientIdAction = defineFormAction({
  name: "canal REST : Client ID",
  permission: "quality.manage_channels",
  input: ZRestClientId,
  resource: ({ actor, input }) => restClientResource(actor, input.restClientId),
  run: ({ actor, meta, input }) => setRestClientId({ actor, meta, input }),
  revalidate: refresh,
  success: (r) => msg("batch.rest.actions.clientIdSaved", { name: r.name }),
});

export const obtainRestTokenAction = defineFormAction({
  name: "canal REST : jeton d'accès",
  permission: "quality.manage_channels",
  input: ZRestClient,
  resource: ({ actor, input }) => restClientResource(actor, input.restClientId),
  run: ({ actor, meta, input }) => obtainRestToken({ actor, meta, restClientId: input.restClientId }),
  revalidate: refresh,
  success: (r) => msg("batch.rest.actions.tokenObtained", { name: r.name, expiresAt: r.expiresAt.getTime() }),
});
