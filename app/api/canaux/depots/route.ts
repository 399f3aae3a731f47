import { depositSending, MAX_DEPOSIT_BYTES, ZDeposit } from "@/lib/batch/deposits";
import { byFileName } from "@/lib/batch/file-order";
import { defineRoute } from "@/lib/http/define-route";
import { parseInput } from "@/lib/http/parse-input";
import { appResource } from "@/lib/http/resolve-resource";
import { msg } from "@/lib/i18n/message-ref";

const files = (form: FormData, name: string) =>
  form
    .getAll(name)
    .filter((v): v is File => v instanceof File && v.size > 0)
    .sort(byFileName);

// POST multipart/form-data { channelId, code, environment, fi[], fs[], launch? } → deposits one sending on
// the batch channel (date and sequence given by the portal) (FI parts in the order of their file names, FS likewise). The
// permission is checked on the centre's « Employeur ONSS » quality before the upload is read; the
// domain checks it again on the channel named in the form. `launch=false`: without the GO (the
// sending waits for « Lancer le traitement (GO) » or « Annuler l'envoi (TD) »).
export const POST = defineRoute({
  permission: "quality.manage_channels",
  denied: "notFound",
  resource: ({ actor }) => appResource(actor, "quality.manage_channels"),
  body: { form: { maxBytes: MAX_DEPOSIT_BYTES + 64 * 1024, tooLarge: msg("batch.actions.tooLarge") } },
  handler: async ({ actor, meta, body }) => {
    const input = parseInput(ZDeposit, Object.fromEntries(["channelId", "code", "environment"].map((k) => [k, body.get(k) ?? undefined])));
    const toBytes = (list: File[]) => Promise.all(list.map(async (f) => new Uint8Array(await f.arrayBuffer())));
    const launch = body.get("launch") !== "false";
    const deposit = await depositSending({ actor, meta, input, fi: await toBytes(files(body, "fi")), fs: await toBytes(files(body, "fs")), launch });
    return Response.json(deposit, { status: 201 });
  },
});
