// Tests only: a valid NISS for a birth date and a serial (DOMAIN.md: check = 97 − (9 digits mod 97),
// on "2" + the 9 digits for births from 2000). Serials ≥ 500 keep test people apart from real-looking ones.
export function makeNiss(birth: string, serial: number): string {
  const [y, m, d] = birth.split("-");
  const base = `${y!.slice(2)}${m}${d}${String(serial).padStart(3, "0")}`;
  const n = Number(y) >= 2000 ? 2_000_000_000 + Number(base) : Number(base);
  return `${base}${String(97 - (n % 97)).padStart(2, "0")}`;
}

let counter = 0;
/** A different valid NISS at each call (random birth date, so separate runs rarely collide). */
export function uniqueNiss(): string {
  counter += 1;
  const year = 1950 + Math.floor(Math.random() * 60);
  const day = String(1 + Math.floor(Math.random() * 28)).padStart(2, "0");
  const month = String(1 + Math.floor(Math.random() * 12)).padStart(2, "0");
  return makeNiss(`${year}-${month}-${day}`, 500 + ((counter * 7 + Math.floor(Math.random() * 400)) % 499));
}
