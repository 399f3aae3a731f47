import type { ReactNode } from "react";

import { ClientMessages } from "@/components/i18n/area-messages";

// The catalogue's namespaces this area's client islands read (lib/i18n/client-messages.ts).
export default function RapportUniqueFormLayout({ children }: { children: ReactNode }) {
  return <ClientMessages area="app/(portal)/rapport-unique/formulaires">{children}</ClientMessages>;
}
