import { describe, expect, it } from "vitest";
import { isSameOrigin } from "./same-origin";

const APP = "http://localhost:3040";
const request = (method: string, headers: Record<string, string>) => new Request("http://127.0.0.1:3040/api/settings", { method, headers });

describe("same-origin check for requests that change something", () => {
  it("lets the app's own pages through, at its configured origin or the host they were served from", () => {
    expect(isSameOrigin(request("POST", { origin: APP, host: "localhost:3040" }), APP)).toBe(true);
    expect(isSameOrigin(request("PATCH", { origin: "http://127.0.0.1:3040", host: "127.0.0.1:3040", "sec-fetch-site": "same-origin" }), APP)).toBe(true);
    expect(isSameOrigin(request("DELETE", { "sec-fetch-site": "same-origin" }), APP)).toBe(true);
  });

  it("lets clients that are no browser through: no Origin, no Sec-Fetch-Site", () => {
    expect(isSameOrigin(request("POST", { host: "127.0.0.1:3040" }), APP)).toBe(true);
  });

  it("refuses other sites, other ports of the same host, opaque origins and cross-site fetch metadata", () => {
    const refused: Record<string, string>[] = [
      { origin: "http://evil.example", host: "127.0.0.1:3040" },
      { origin: "http://127.0.0.1:3102", host: "127.0.0.1:3040" },
      { origin: "https://127.0.0.1:3040", host: "127.0.0.1:3041" },
      { origin: "null", host: "127.0.0.1:3040" },
      { origin: "file://", host: "127.0.0.1:3040" },
      { origin: "not a url", host: "127.0.0.1:3040" },
      { origin: "http://localhost:3040.evil.example", host: "127.0.0.1:3040" },
      { "sec-fetch-site": "cross-site", host: "127.0.0.1:3040" },
      { "sec-fetch-site": "same-site", host: "127.0.0.1:3040" },
      { "sec-fetch-site": "none", host: "127.0.0.1:3040" },
    ];
    for (const headers of refused) expect(isSameOrigin(request("POST", headers), APP), JSON.stringify(headers)).toBe(false);
  });

  it("leaves reads alone", () => {
    expect(isSameOrigin(request("GET", { origin: "http://evil.example", "sec-fetch-site": "cross-site" }), APP)).toBe(true);
  });
});
