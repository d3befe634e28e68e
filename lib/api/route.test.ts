import { describe, expect, it } from "vitest";
import { Conflict, Invalid, NotFound } from "../db/runtime/errors";
import { GeneratorError } from "../generator/errors";
import { errorResponse } from "./route";

async function answer(error: unknown) {
  const response = errorResponse(error);
  return { status: response.status, retryAfter: response.headers.get("Retry-After"), body: await response.json() };
}

describe("errorResponse", () => {
  it("gives each domain error of lib/db its status, with its code and message", async () => {
    expect(await answer(new NotFound("Card"))).toMatchObject({ status: 404, body: { error: { code: "NOT_FOUND", message: "Card not found." } } });
    expect(await answer(new Conflict("Not due.", "NOT_DUE"))).toMatchObject({ status: 409, body: { error: { code: "NOT_DUE", message: "Not due." } } });
    expect(await answer(new Invalid("Options must all be different.", "BAD_REQUEST"))).toMatchObject({ status: 400, body: { error: { code: "BAD_REQUEST" } } });
  });

  it("answers a database lock or serialisation failure with 503 BUSY and Retry-After", async () => {
    for (const busy of [{ code: "P1008" }, { code: "SQLITE_BUSY" }, new Error("could not serialize access due to concurrent update")]) {
      expect(await answer(busy)).toMatchObject({ status: 503, retryAfter: "1", body: { error: { code: "BUSY" } } });
    }
  });

  it("answers text the generator cannot use with a readable 4xx", async () => {
    expect(await answer(new GeneratorError("EMPTY", "The document is empty."))).toMatchObject({ status: 400, body: { error: { code: "DOCUMENT_EMPTY" } } });
    expect(await answer(new GeneratorError("BINARY", "Not text."))).toMatchObject({ status: 415 });
    expect(await answer(new GeneratorError("TOO_LARGE", "Too large."))).toMatchObject({ status: 413 });
    expect(await answer(new GeneratorError("NO_SENTENCES", "No sentences."))).toMatchObject({ status: 422 });
  });
});
