// FI parts (and their FS) in the order of their file names, numbers read as numbers (…_2 before
// …_10): the browser's signing island and the deposit route sort alike. One collator, made once
// (an Intl object per comparison holds native memory V8 does not count; docs/deployment.md).
const FILE_NAMES = new Intl.Collator("fr", { numeric: true });

export const byFileName = (a: { name: string }, b: { name: string }) => FILE_NAMES.compare(a.name, b.name);
