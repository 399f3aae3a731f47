import { getChainStatus } from "@/lib/security-log/chain-status";

/** Streams in after the table: the walk reads the centre's whole chain. */
export async function ChainStatus({ entityId }: { entityId: string }) {
  const report = await getChainStatus(entityId);
  const n = report.checked.toLocaleString("fr-BE");
  return report.ok ? (
    <p data-testid="etat-chaine" className="rounded border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900">
      Chaîne d&apos;audit de votre centre : <strong>intacte ({n} événements)</strong>.
    </p>
  ) : (
    <p data-testid="etat-chaine" role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
      Chaîne d&apos;audit de votre centre : <strong>altérée à l&apos;événement n° {report.brokenAt}</strong> ({report.reason}) — {n} événements vérifiés avant
      lui. Prévenez immédiatement le DPD et l&apos;administrateur du portail.
    </p>
  );
}
