import { describe, expect, it } from "vitest";

import { describeBrowser } from "./notify-new-device";

describe("describeBrowser", () => {
  it("names the browser and the system, not the whole user agent", () => {
    expect(describeBrowser("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0")).toBe("Firefox sur Windows");
    expect(describeBrowser("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36 Edg/131.0")).toBe(
      "Edge sur Windows",
    );
    expect(describeBrowser("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36")).toBe("Chrome sur Linux");
    expect(
      describeBrowser(
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1",
      ),
    ).toBe("Safari sur iOS");
    expect(describeBrowser("curl/8.0")).toBe("navigateur inconnu sur système inconnu");
    expect(describeBrowser(null)).toBeNull();
  });
});
