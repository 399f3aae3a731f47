import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { RequestForm } from "@/components/c607/request-form";
import { sideOf } from "@/lib/c607/requests";
import { pageContext } from "@/lib/c607/requests/page-context";

import { createRequestAction } from "../actions";

export const metadata: Metadata = { title: "Nouvelle demande C60.7" };

export default async function NewC607Page() {
  const ctx = await pageContext();
  if (sideOf(ctx.actor) !== "CPAS") notFound();
  return (
    <>
      <h1 className="text-2xl font-semibold text-slate-900">Nouvelle demande C60.7</h1>
      <p className="mt-2 text-slate-700">
        Le numéro de référence est attribué dès l&apos;enregistrement du brouillon. Les pièces jointes s&apos;ajoutent ensuite.
      </p>
      <RequestForm initial={null} submit={createRequestAction} />
    </>
  );
}
