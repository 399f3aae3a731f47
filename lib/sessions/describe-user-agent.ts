// A session's device in plain words ("Firefox 133 sur Windows"), from its user agent. Only the
// common browsers and systems are named; anything else is said to be unknown rather than guessed.

const BROWSERS: [RegExp, string][] = [
  [/Edg(?:e|A|iOS)?\/(\d+)/, "Edge"],
  [/OPR\/(\d+)/, "Opera"],
  [/Firefox\/(\d+)/, "Firefox"],
  [/FxiOS\/(\d+)/, "Firefox"],
  [/HeadlessChrome\/(\d+)/, "Chrome sans interface"],
  [/CriOS\/(\d+)/, "Chrome"],
  [/Chromium\/(\d+)/, "Chromium"],
  [/Chrome\/(\d+)/, "Chrome"],
  [/Version\/(\d+)[^ ]* (?:Mobile\/\S+ )?Safari\//, "Safari"],
];

const SYSTEMS: [RegExp, string][] = [
  [/iPhone/, "iPhone"],
  [/iPad/, "iPad"],
  [/Android/, "Android"],
  [/CrOS/, "ChromeOS"],
  [/Windows/, "Windows"],
  [/Mac OS X|Macintosh/, "macOS"],
  [/Linux|X11/, "Linux"],
];

export function describeUserAgent(ua: string | null | undefined): string {
  if (!ua) return "Appareil inconnu";
  const browser = BROWSERS.find(([re]) => re.test(ua));
  const system = SYSTEMS.find(([re]) => re.test(ua))?.[1];
  const name = browser ? `${browser[1]} ${browser[0].exec(ua)![1]}` : "Navigateur inconnu";
  return system ? `${name} sur ${system}` : name;
}
