import { describe, expect, it } from "vitest";

import { localize } from "@/lib/i18n/translator";

import { describeUserAgent } from "./describe-user-agent";

// What the sessions page and the new-device mail say of a device, in French and in Dutch (issue 13).
const say = (ua: string | null) => [localize("fr", describeUserAgent(ua)), localize("nl", describeUserAgent(ua))];

describe("describeUserAgent", () => {
  it.each([
    [
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
      "Chrome 131 sur Windows",
      "Chrome 131 op Windows",
    ],
    [
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86",
      "Edge 131 sur Windows",
      "Edge 131 op Windows",
    ],
    ["Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0", "Firefox 133 sur Linux", "Firefox 133 op Linux"],
    [
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
      "Safari 18 sur macOS",
      "Safari 18 op macOS",
    ],
    [
      "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
      "Safari 18 sur iPhone",
      "Safari 18 op iPhone",
    ],
    [
      "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
      "Chrome 131 sur Android",
      "Chrome 131 op Android",
    ],
    [
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36",
      "Chrome sans interface 131 sur Linux",
      "Chrome zonder interface 131 op Linux",
    ],
    ["curl/8.5.0", "Navigateur inconnu", "Onbekende browser"],
  ])("%s", (ua, fr, nl) => {
    expect(say(ua)).toEqual([fr, nl]);
  });

  it("says when nothing is known", () => {
    expect(say(null)).toEqual(["Appareil inconnu", "Onbekend toestel"]);
  });
});
