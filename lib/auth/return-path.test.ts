import { describe, expect, it } from "vitest";
import { isUsableCallbackUrl, safeRedirect, safeReturnPath } from "./return-path";

describe("return path after sign-in", () => {
  it("keeps paths on this site, with their query and fragment", () => {
    expect(safeReturnPath("/review?deck=abc#top")).toBe("/review?deck=abc#top");
    expect(safeReturnPath("/documents/c123")).toBe("/documents/c123");
    expect(safeReturnPath("review")).toBe("/review");
    expect(safeReturnPath("/%5Cevil.example/x")).toBe("/%5Cevil.example/x");
  });

  it("sends everything that leaves the site home", () => {
    const escapes = [
      "/\\evil.example/x",
      "\\/evil.example",
      "\\\\evil.example",
      "//evil.example",
      "///evil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      " //evil.example",
      "\u0000//evil.example",
      "/.//evil.example",
      "/./\\evil.example",
      "https://evil.example/",
      "HTTPS://evil.example",
      "https:evil.example",
      "ftp://evil.example",
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      "java\tscript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "http://a:b",
      "http://[::1",
      "//evil.example%2F@keypoint.invalid",
    ];
    for (const value of escapes) expect(safeReturnPath(value), JSON.stringify(value)).toBe("/");
    expect(safeReturnPath(undefined)).toBe("/");
    expect(safeReturnPath("")).toBe("/");
  });

  it("never resolves to another host when followed from the site", () => {
    for (const value of ["/\\evil.example/x", "/.//evil.example", "http:evil", "/%2F%2Fevil.example", "/a/../..//evil.example"]) {
      const path = safeReturnPath(value);
      expect(new URL(path, "http://localhost:3000/sign-in").host, value).toBe("localhost:3000");
    }
  });
});

describe("next-auth redirects", () => {
  const base = "http://localhost:3000";
  it("stay on the site and never throw", () => {
    expect(safeRedirect("/review", base)).toBe("http://localhost:3000/review");
    expect(safeRedirect("http://localhost:3000/stats?x=1", base)).toBe("http://localhost:3000/stats?x=1");
    expect(safeRedirect("http://evil.example/", base)).toBe(base);
    expect(safeRedirect("http://a:b", base)).toBe("http://localhost:3000/");
    expect(safeRedirect("/\\evil.example", base)).toBe("http://localhost:3000/");
    expect(safeRedirect("%", base)).toBe("http://localhost:3000/%");
  });
});

describe("callbackUrl values next-auth can take", () => {
  it("are absolute http(s) URLs and values starting with a slash, as next-auth's own check has it", () => {
    for (const value of ["/review", "//evil.example", "/\\evil", "http://localhost:3000/x", "https://evil.example"]) expect(isUsableCallbackUrl(value), value).toBe(true);
    for (const value of ["http://a:b", "http://[::1", "javascript:alert(1)", "\t/\t/evil", "%", "review", "ftp://x/", ""]) expect(isUsableCallbackUrl(value), value).toBe(false);
  });
});
