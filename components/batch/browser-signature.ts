import { checkSigner, openPkcs12, readCertificate, signFi, SigningError } from "@/lib/batch/sign-fs";
import { byFileName } from "@/lib/batch/file-order";
import { parseMessageRef } from "@/lib/i18n/message-ref";

// The signing island's work (issue 14), in the browser only: opens the PKCS#12 file with its
// password, checks the certificate (valid today, the one registered on the channel: a courtesy,
// the server checks every FS again), and makes one FS per FI part. Nothing is sent from here: the
// deposit form sends the FI parts and these FS, never the PKCS#12 file nor its password.

export const fiOrder = byFileName;

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

export type SignedParts = { subject: string; fs: File[] };

/**
 * One FS per FI part, in the parts' order; each named after its part's rank (FS-partie-1 …) so
 * that the server's ordering by name keeps them with their FI. Throws SigningError (French message).
 */
export async function signParts(o: { fi: File[]; pkcs12: File; password: string; channelCertificateBase64: string }): Promise<SignedParts> {
  const signer = await openPkcs12(new Uint8Array(await o.pkcs12.arrayBuffer()), o.password);
  checkSigner(signer, { registered: readCertificate(fromBase64(o.channelCertificateBase64)) });
  const fs: File[] = [];
  for (const [i, part] of [...o.fi].sort(fiOrder).entries()) {
    const bytes = await signFi(new Uint8Array(await part.arrayBuffer()), signer);
    fs.push(new File([bytes.slice().buffer], `FS-partie-${i + 1}`, { type: "application/octet-stream" }));
  }
  return { subject: signer.subject, fs };
}

type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * The refusal's text in the page's language (`t`: the island's translator over the whole
 * catalogue), or null for an unexpected failure (the island then says `batch.depositForm.signingUnexpected`).
 */
export function signingMessage(e: unknown, t: Translate): string | null {
  if (!(e instanceof SigningError)) return null;
  const ref = parseMessageRef(e.message);
  return ref ? t(ref.key, ref.values) : e.message;
}
