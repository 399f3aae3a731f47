import { describe, expect, it } from "vitest";

import { CURSOR_MAX_LENGTH, decodeCursor, encodeCursor } from "./queue-cursor";

const ID = "0b6a3c1e-5d2f-4e8a-9c7b-1a2b3c4d5e6f";

describe("list cursors", () => {
  it("write the position as documented (base64url of list:dir:values:id) and read it back", () => {
    const queue = encodeCursor({ list: "q", dir: "n", deadline: "2026-11-05", sentAt: new Date("2026-10-25T08:03:00.000Z"), id: ID });
    // 2026-10-25T08:03:00Z is 1,792,915,380,000 ms after the epoch (Date.UTC(2026, 9, 25, 8, 3)).
    expect(atob(queue.replace(/-/g, "+").replace(/_/g, "/"))).toBe(`q:n:2026-11-05:1792915380000:${ID}`);
    expect(queue).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(queue.length).toBeLessThanOrEqual(CURSOR_MAX_LENGTH);
    expect(decodeCursor(queue)).toEqual({ list: "q", dir: "n", deadline: "2026-11-05", sentAt: new Date("2026-10-25T08:03:00.000Z"), id: ID });
    const centre = encodeCursor({ list: "c", dir: "p", createdAt: new Date(1), id: ID });
    expect(atob(centre)).toBe(`c:p:1:${ID}`);
    expect(decodeCursor(centre)).toEqual({ list: "c", dir: "p", createdAt: new Date(1), id: ID });
  });

  it("refuses anything else", () => {
    const b64 = (s: string) => btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
    for (const text of [
      `q:x:2026-11-05:1:${ID}`, // unknown direction
      `q:n:2026-13-05:1:${ID}`, // no such month
      `q:n:2026-11-05:-1:${ID}`, // negative instant
      `q:n:2026-11-05:1:${ID.toUpperCase()}`, // ids are written lower-case
      `c:n:1:${ID}:extra`,
      `z:n:1:${ID}`,
      "' OR 1=1 --",
    ])
      expect(decodeCursor(b64(text))).toBeNull();
    expect(decodeCursor("")).toBeNull();
    expect(decodeCursor("a".repeat(CURSOR_MAX_LENGTH + 1))).toBeNull();
    expect(decodeCursor(`${b64(`c:n:1:${ID}`)}=`)).toBeNull(); // padding is not written, so not read
    expect(decodeCursor("YQ")).toBeNull(); // "a"
  });
});
