import type { ReactNode } from "react";

// role="alert" is also used by Next's route announcer: tests look for data-testid="alerte".
export function ErrorAlert({ children }: { children: ReactNode }) {
  return (
    <div role="alert" data-testid="alerte" className="mt-4 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
      {children}
    </div>
  );
}
