import Link from "next/link";

import type { Dashboard } from "@/lib/dashboard/get-dashboard";

import { Section } from "./section";

/** ONEM: the C60.7 requests the CPAS sent, waiting in « File ONEM » (issue 11). */
export function OnemQueueSection({ queue }: { queue: Dashboard["onemQueue"] }) {
  if (!queue) {
    return (
      <Section id="onem" title="Demandes C60.7 — ONEM">
        <p>
          Le traitement des demandes C60.7 envoyées par les CPAS demande le rôle « Collaborateur ONEM » : adressez-vous au gestionnaire des accès de
          l&apos;ONEM.
        </p>
      </Section>
    );
  }
  return (
    <Section id="onem" title="Demandes C60.7 — ONEM">
      <ul className="list-disc pl-5" data-testid="file-onem-compteurs">
        <li>
          À prendre en charge : <strong>{queue.toTake}</strong>
        </li>
        <li>
          En cours de traitement : <strong>{queue.inProgress}</strong>
        </li>
        <li>
          Délai de réponse dépassé : <strong className={queue.overdue ? "text-red-800" : undefined}>{queue.overdue}</strong>
        </li>
      </ul>
      <p className="mt-2">
        <Link href="/onem" className="text-brand-700 underline">
          Ouvrir la File ONEM
        </Link>
      </p>
    </Section>
  );
}
