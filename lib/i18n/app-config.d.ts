import type { fr } from "./catalogue";

// Typed keys for next-intl: `t("nav.dashboard")` with a key missing from the French catalogue is a
// type error (the unit test checks that Dutch has the same keys).
declare module "next-intl" {
  interface AppConfig {
    Messages: typeof fr;
  }
}
