import NextAuth from "next-auth";
import type { NextRequest } from "next/server";

import { authOptions } from "@/lib/auth/auth-options";
import { guardAuthRequest } from "@/lib/auth/guard-auth-request";
import { publicOrigin } from "@/lib/http/public-origin";
import { errorResponse } from "@/lib/http/route-handler";

export const dynamic = "force-dynamic";

// next-auth's own endpoints (public by design). The request is checked before next-auth reads it:
// garbage is a 4xx, never a 500 (lib/auth/guard-auth-request.ts); anything unexpected gets the one
// error mapping (a generic 500 with an id). No Origin check: next-auth has its own CSRF token,
// and scripts that sign in through this endpoint send no Origin.
async function handler(req: NextRequest, ctx: { params: Promise<{ nextauth: string[] }> }): Promise<Response> {
  try {
    const params = await ctx.params;
    const checked = await guardAuthRequest(req, params.nextauth ?? []);
    if (checked instanceof Response) return checked;
    return (await NextAuth(authOptions({ origin: publicOrigin(req.headers) }))(checked, { params })) as Response;
  } catch (error) {
    return errorResponse(error, req);
  }
}

export { handler as GET, handler as POST };
