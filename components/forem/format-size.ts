const BYTES = new Intl.NumberFormat("fr-BE");
const ONE_DECIMAL = new Intl.NumberFormat("fr-BE", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const UNITS = ["Kio", "Mio", "Gio"] as const;

/** "512 octets", "1,0 Mio (1 048 592 octets)": the exact count lets the user compare with the partner's. */
export function formatSize(bytes: number): string {
  const exact = `${BYTES.format(bytes)} ${bytes > 1 ? "octets" : "octet"}`;
  if (bytes < 1024) return exact;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${ONE_DECIMAL.format(value)} ${UNITS[unit]} (${exact})`;
}
