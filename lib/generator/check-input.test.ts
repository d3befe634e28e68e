import { describe, expect, it } from "vitest";
import { decodeDocument } from "./check-input";
import { GeneratorError } from "./errors";

const codeOf = (bytes: Uint8Array) => {
  try {
    decodeDocument(bytes);
    return "ok";
  } catch (error) {
    return (error as GeneratorError).code;
  }
};

describe("decodeDocument", () => {
  it("decodes UTF-8 text", () => {
    expect(decodeDocument(new TextEncoder().encode("Héllo 💰 world"))).toBe("Héllo 💰 world");
  });

  it("rejects binary, empty and oversized files", () => {
    expect(codeOf(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]))).toBe("BINARY");
    expect(codeOf(new Uint8Array([]))).toBe("EMPTY");
    expect(codeOf(new Uint8Array(5 * 1024 * 1024 + 1).fill(0x61))).toBe("TOO_LARGE");
  });
});
