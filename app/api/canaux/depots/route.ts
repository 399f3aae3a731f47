import { requireActor } from "@/lib/auth/get-actor";
import { mayOpenChannels } from "@/lib/batch/access";
import { depositSending, MAX_DEPOSIT_BYTES, ZDeposit } from "@/lib/batch/deposits";
import { notFound } from "@/lib/errors/app-error";
import { readLimitedFormData } from "@/lib/forem/read-limited-form";
import { metaFromHeaders } from "@/lib/http/request-context";
import { routeHandler } from "@/lib/http/route-handler";
import { parseInput } from "@/lib/http/server-action";

const files = (form: FormData, name: string) =>
  form
    .getAll(name)
    .filter((v): v is File => v instanceof File && v.size > 0)
    .sort((a, b) => a.name.localeCompare(b.name, "fr", { numeric: true }));

// POST multipart/form-data { channelId, code, date, sequence, environment, fi[], fs[] } → deposits
// one sending on the batch channel (FI parts in the order of their file names, FS likewise).
export const POST = routeHandler(async (req: Request) => {
  const actor = await requireActor();
  if (!mayOpenChannels(actor)) throw notFound(); // before reading the upload; the domain checks the channel's quality
  const form = await readLimitedFormData(req, { maxBytes: MAX_DEPOSIT_BYTES + 64 * 1024, tooLarge: "L'envoi dépasse 20 Mo." });
  const input = parseInput(ZDeposit, Object.fromEntries(["channelId", "code", "date", "sequence", "environment"].map((k) => [k, form.get(k) ?? undefined])));
  const toBytes = (list: File[]) => Promise.all(list.map(async (f) => new Uint8Array(await f.arrayBuffer())));
  const deposit = await depositSending({
    actor,
    meta: metaFromHeaders(req.headers),
    input,
    fi: await toBytes(files(form, "fi")),
    fs: await toBytes(files(form, "fs")),
  });
  return Response.json(deposit, { status: 201 });
});
