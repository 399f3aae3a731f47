import { c607Route, json } from "@/lib/c607/api/c607-route";
import { getTimeline } from "@/lib/c607/requests";

export const dynamic = "force-dynamic";

/** The request's timeline: every change with its actor and time. */
export const GET = c607Route<{ id: string }>(async ({ ctx, params }) => json({ evenements: await getTimeline({ ctx, id: params.id }) }));
