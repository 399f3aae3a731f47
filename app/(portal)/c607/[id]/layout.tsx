import type { ReactNode } from "react";

import { ClientMessages } from "@/components/i18n/area-messages";

// The catalogue's namespaces this area's client islands read (lib/i18n/client-messages.ts).
export default function C607RequestLayout({ children }: { children: ReactNode }) {
  return <ClientMessages area="app/(portal)/c607/[id]">{children}</ClientMessages>;
}
