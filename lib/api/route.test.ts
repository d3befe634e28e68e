import { describe, expect, it } from "vitest";
import { Conflict, Invalid, NotFound } from "../db/runtime/errors";
import { GeneratorError } from "../generator/errors";
import { SignUpSchema } from "../validation/account";
import { errorResponse, parseWith } from "./route";

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

  it("words invalid input for people: each message beside its field, no field names in the sentence", async () => {
    let thrown: unknown;
    try {
      parseWith(SignUpSchema, { email: "ada@", password: "short", timeZone: "Mars/Olympus" });
    } catch (error) {
      thrown = error;
    }
    const { status, body } = await answer(thrown);
    expect(status).toBe(400);
    expect(body.error.fields).toEqual({
      email: "Enter a valid email address, like ada@example.com.",
      password: "Use at least 8 characters for your password.",
      timeZone: "Choose a time zone from the list.",
    });
    expect(body.error.message).not.toMatch(/email:|password:|timeZone/);
  });

  it("puts zod's own terse messages into a sentence that names the field in words", async () => {
    const { z } = await import("zod");
    const result = z.object({ clientRequestId: z.string() }).safeParse({ clientRequestId: 5 });
    const { body } = await answer(result.error);
    expect(body.error.message).toMatch(/^Check the client request id: invalid input/);
  });
});
