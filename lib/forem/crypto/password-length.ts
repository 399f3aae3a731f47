// The seed's rule (000, encryption page): at least 12 characters. Kept apart so that the policy
// and the strength meter can both use it without importing each other.
export const MIN_PASSWORD_LENGTH = 12;

/** Code points, not UTF-16 units: "é" or an emoji counts as one character for the user. */
export function countCharacters(password: string): number {
  return [...password].length;
}
