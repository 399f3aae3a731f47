import { msg } from "@/lib/i18n/message-ref";

// A session's device in plain words ("Firefox 133 sur Windows", "Firefox 133 op Windows"), from its
// user agent. Only the common browsers and systems are named; anything else is said to be unknown
// rather than guessed. A message reference (lib/i18n/message-ref.ts): the sessions page and the
// new-device mail say it in their reader's language.

const HEADLESS = "HeadlessChrome";

const BROWSERS: [RegExp, string][] = [
  [/Edg(?:e|A|iOS)?\/(\d+)/, "Edge"],
  [/OPR\/(\d+)/, "Opera"],
  [/Firefox\/(\d+)/, "Firefox"],
  [/FxiOS\/(\d+)/, "Firefox"],
  [/HeadlessChrome\/(\d+)/, HEADLESS],
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
  if (!ua) return msg("sessions.device.unknown");
  const browser = BROWSERS.find(([re]) => re.test(ua));
  const system = SYSTEMS.find(([re]) => re.test(ua))?.[1];
  const version = browser ? browser[0].exec(ua)![1]! : "";
  const name = !browser
    ? msg("sessions.device.unknownBrowser")
    : browser[1] === HEADLESS
      ? msg("sessions.device.headless", { version })
      : `${browser[1]} ${version}`;
  return system ? msg("sessions.device.onSystem", { browser: name, system }) : name;
}
