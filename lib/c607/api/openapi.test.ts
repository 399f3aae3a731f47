import { describe, expect, it } from "vitest";

import { buildOpenApiDocument } from "./openapi";

describe("OpenAPI document", () => {
  it("describes every route with the schemas' own constraints", () => {
    const doc = buildOpenApiDocument();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toHaveLength(12);
    expect(Object.keys(doc.paths["/api/c607/requests/{id}/attachments/{attachmentId}"])).toEqual(["get", "delete"]);
    const create = doc.paths["/api/c607/requests"].post.requestBody.content["application/json"].schema as unknown as {
      properties: { content: { additionalProperties: boolean } };
    };
    // Strict objects: unknown fields are refused, and the document says so.
    expect(create.properties.content.additionalProperties).toBe(false);
    expect(JSON.stringify(doc)).toContain("SICKNESS");
  });

  it("declares both credentials: personal Bearer token and session cookie", () => {
    const doc = buildOpenApiDocument();
    expect(doc.security).toEqual([{ jeton: [] }, { session: [] }]);
    expect(doc.components.securitySchemes.jeton).toMatchObject({
      type: "http",
      scheme: "bearer",
    });
    expect(doc.components.securitySchemes.session).toMatchObject({
      type: "apiKey",
      in: "cookie",
    });
    expect(Object.keys(doc.paths["/api/c607/requests"].get.responses)).toContain("429");
  });
});
