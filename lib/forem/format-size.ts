const BYTES = new Intl.NumberFormat("fr-BE");
const ONE_DECIMAL = new Intl.NumberFormat("fr-BE", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const UNITS = ["Ko", "Mo", "Go"] as const;

/**
 * One readable French size (issue 11: « 6,5 Kio (6 656 octets) » said it twice, in units few
 * readers know): "512 octets", "6,5 Ko", "1,0 Mo". 1 Ko = 1 024 octets, as file managers count.
 */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${BYTES.format(bytes)} ${bytes > 1 ? "octets" : "octet"}`;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${ONE_DECIMAL.format(value)} ${UNITS[unit]}`;
}
