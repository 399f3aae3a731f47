import { z } from "zod";

import { msg } from "./message-ref";

// zod's own messages (a schema without a message of its own) as catalogue references, translated
// where the answer is written like every other server message (issue 13). Loaded by the two ways in
// (lib/http/define-action.ts, lib/http/define-route.ts) before any schema parses.
z.config({
  customError: (issue) => {
    switch (issue.code) {
      case "invalid_type":
        return issue.input === undefined || issue.input === null || issue.input === "" ? msg("validation.required") : msg("validation.invalidType");
      case "too_small":
        if (issue.origin === "string" && Number(issue.minimum) <= 1) return msg("validation.required");
        if (issue.origin === "string") return msg("validation.tooShort", { minimum: Number(issue.minimum) });
        if (issue.origin === "array" || issue.origin === "set") return msg("validation.tooFewItems", { minimum: Number(issue.minimum) });
        return msg("validation.tooSmall", { minimum: String(issue.minimum) });
      case "too_big":
        if (issue.origin === "string") return msg("validation.tooLong", { maximum: Number(issue.maximum) });
        if (issue.origin === "array" || issue.origin === "set") return msg("validation.tooManyItems", { maximum: Number(issue.maximum) });
        return msg("validation.tooBig", { maximum: String(issue.maximum) });
      case "invalid_format":
        return issue.format === "email" ? msg("validation.email") : issue.format === "uuid" ? msg("errors.notFound") : msg("validation.invalidFormat");
      case "invalid_value":
        return msg("validation.invalidChoice");
      default:
        return msg("validation.invalid");
    }
  },
});
