/** Same person's name, whatever the case, accents, hyphens or spacing typed in a spreadsheet. */
export function sameName(a: { firstName: string; lastName: string }, b: { firstName: string; lastName: string }): boolean {
  const norm = (s: string) =>
    s
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/[\s'-]+/g, " ")
      .trim();
  return norm(a.firstName) === norm(b.firstName) && norm(a.lastName) === norm(b.lastName);
}
