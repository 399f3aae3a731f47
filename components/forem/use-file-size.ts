import { useFormatter, useTranslations } from "next-intl";

const UNITS = ["kilo", "mega", "giga"] as const;

/**
 * One readable size in the reader's language (issue 11's single French size, issue 13): "512 octets",
 * "6,5 Ko", "1,0 Mo" in French; "512 bytes", "6,5 kB", "1,0 MB" in Dutch. 1 Ko = 1 024 octets, as
 * file managers count.
 */
export function useFileSize(): (bytes: number) => string {
  const t = useTranslations("encryption.size");
  const format = useFormatter();
  return (bytes) => {
    if (bytes < 1024) return t("bytes", { count: bytes });
    let value = bytes / 1024;
    let unit = 0;
    while (value >= 1024 && unit < UNITS.length - 1) {
      value /= 1024;
      unit++;
    }
    return t(UNITS[unit]!, { value: format.number(value, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) });
  };
}
