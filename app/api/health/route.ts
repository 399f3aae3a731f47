import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

/** Liveness and database reachability, for load balancers. Says nothing else. */
export async function GET() {
  try {
    await db.$queryRaw`SELECT 1`;
    return Response.json({ statut: "ok" });
  } catch {
    return Response.json({ statut: "base de données indisponible" }, { status: 503 });
  }
}
