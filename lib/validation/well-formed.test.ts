import { describe, expect, it } from "vitest";
import { SignInSchema, SignUpSchema } from "./account";
import { wellFormed, wellFormedStrings } from "./well-formed";

describe("well-formed text", () => {
  it("replaces lone surrogates with U+FFFD and keeps real pairs", () => {
    expect(wellFormed("a\ud800b")).toBe("a\ufffdb");
    expect(wellFormed("\udc00")).toBe("\ufffd");
    expect(wellFormed("end\ud83d")).toBe("end\ufffd");
    expect(wellFormed("\udc00\ud800")).toBe("\ufffd\ufffd");
    expect(wellFormed("smile 😀 ok")).toBe("smile 😀 ok");
    // Twice in a row: the global regex keeps no state between calls.
    expect(wellFormed("x\ud800")).toBe("x\ufffd");
    expect(wellFormed("x\ud800")).toBe("x\ufffd");
  });

  it("reaches every string of a parsed body, nested or in arrays", () => {
    const body = JSON.parse('{"text":"T\\ud800","dropped":["\\udfff"],"n":1,"deep":{"a":["\\ud800\\udc00"]}}', wellFormedStrings);
    expect(body).toEqual({ text: "T\ufffd", dropped: ["\ufffd"], n: 1, deep: { a: ["\u{10000}"] } });
    expect(Buffer.from(JSON.stringify(body)).toString("utf8")).not.toMatch(/\\ud[89a-f]/i);
  });

  it("is applied by the account schemas that next-auth's sign-in reads outside readJson", () => {
    expect(SignInSchema.parse({ email: "a@example.com", password: "pass\ud800word" }).password).toBe("pass\ufffdword");
    expect(SignUpSchema.parse({ email: "b@example.com", password: "long enough pass", name: "Ada\udc00" }).name).toBe("Ada\ufffd");
  });
});
