"use client";

import fr from "@/messages/fr/common.json" with { type: "json" };
import { LOCALE_TAGS } from "@/lib/i18n/locales";
import nl from "@/messages/nl/common.json" with { type: "json" };

// Replaces the root layout when it fails: no language of the request, no next-intl provider. The
// notice is said in both languages, each marked with its own `lang` (issue 13).
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  const code = error.digest ?? null;
  return (
    <html lang={LOCALE_TAGS.fr}>
      <body>
        <main style={{ maxWidth: 600, margin: "2rem auto", fontFamily: "sans-serif" }}>
          {[
            { tag: LOCALE_TAGS.fr, m: fr.globalError },
            { tag: LOCALE_TAGS.nl, m: nl.globalError },
          ].map(({ tag, m }) => (
            <section key={tag} lang={tag}>
              <h1>{m.title}</h1>
              <p>
                {m.text} {code ?? m.unknown}
              </p>
            </section>
          ))}
        </main>
      </body>
    </html>
  );
}
