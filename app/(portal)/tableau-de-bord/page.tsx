import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { DashboardView } from "@/components/dashboard/dashboard-view";
import { getActor } from "@/lib/auth/get-actor";
import { getDashboard } from "@/lib/dashboard/get-dashboard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("dashboard");
  return { title: t("title") };
}

export default async function DashboardPage() {
  const actor = await getActor();
  if (!actor) redirect("/login?raison=expiree");
  return <DashboardView actor={actor} dashboard={await getDashboard(actor)} />;
}
