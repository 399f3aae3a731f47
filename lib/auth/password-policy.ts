import { msg } from "@/lib/i18n/message-ref";

// BCSS telework measures (seed 002): 12 characters with upper case, lower case, digits and a
// special character. Checked on the server whenever a password is set; the form shows the same list.
// Labels and errors are catalogue keys (auth.password.*, issue 13): the forms show `rules.<id>`,
// the server's errors name the missing rule with `missing.<id>`.

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256; // argon2 hashes anything, but a megabyte "password" is an attack

export type PasswordRuleId = "length" | "upper" | "lower" | "digit" | "special";
export type PasswordRule = { id: PasswordRuleId; test: (p: string) => boolean };

export const PASSWORD_RULES: PasswordRule[] = [
  { id: "length", test: (p) => [...p].length >= PASSWORD_MIN_LENGTH },
  { id: "upper", test: (p) => /\p{Lu}/u.test(p) },
  { id: "lower", test: (p) => /\p{Ll}/u.test(p) },
  { id: "digit", test: (p) => /\d/.test(p) },
  { id: "special", test: (p) => /[^\p{L}\p{N}\s]/u.test(p) },
];

/** What the password lacks, as message references (lib/i18n/message-ref.ts); empty when it is acceptable. */
export function checkPasswordPolicy(password: string, context: { email?: string } = {}): string[] {
  if (password.length > PASSWORD_MAX_LENGTH) return [msg("auth.password.tooLong", { max: PASSWORD_MAX_LENGTH })];
  const errors = PASSWORD_RULES.filter((r) => !r.test(password)).map((r) => msg(`auth.password.missing.${r.id}`, { min: PASSWORD_MIN_LENGTH }));
  const local = context.email?.split("@")[0]?.toLowerCase();
  if (local && local.length >= 4 && password.toLowerCase().includes(local)) {
    errors.push(msg("auth.password.containsIdentifier"));
  }
  return errors;
}
