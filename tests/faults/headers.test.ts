// Security headers on pages and API answers, and the session cookie's flags: HttpOnly and
// SameSite=Lax always, Secure (with the __Secure- prefix) when NEXTAUTH_URL is https.
import { describe, expect, it } from "vitest";
import { appServer, Client, PASSWORD, uniqueEmail, type AppServer, seededAppServer } from "./app-server";


const app = seededAppServer("faults_headers");

function directives(csp: string | null): Map<string, string> {
  return new Map((csp ?? "").split(";").map((part) => part.trim().split(/\s+/)).filter((words) => words[0]).map(([name, ...values]) => [name!, values.join(" ")]));
}

describe("headers", () => {
  for (const path of ["/sign-in", "/sign-up", "/", "/review", "/documents/new", "/account"]) {
    it(`${path} carries CSP, nosniff, Referrer-Policy and frame protection`, async () => {
      const reply = await new Client(app.server.url).get(path);
      expect(reply.status).toBeLessThan(400);
      const csp = directives(reply.headers.get("content-security-policy"));
      expect(csp.get("frame-ancestors")).toBe("'none'");
      expect(csp.get("object-src")).toBe("'none'");
      expect(csp.get("base-uri")).toBe("'self'");
      expect(csp.get("default-src")).toBe("'self'");
      const scripts = csp.get("script-src") ?? "";
      expect(scripts).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
      expect(scripts).not.toContain("'unsafe-inline'");
      expect(scripts).not.toContain("'unsafe-eval'");
      expect(reply.headers.get("x-content-type-options")).toBe("nosniff");
      expect(reply.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(reply.headers.get("x-frame-options")).toBe("DENY");
      expect(reply.headers.get("x-powered-by")).toBeNull();
    });
  }

  it("gives the 404 page's scripts the nonce of its policy, so they run", async () => {
    const reply = await new Client(app.server.url).get("/no-such-page/at-all");
    expect(reply.status).toBe(404);
    const nonce = /'nonce-([^']+)'/.exec(reply.headers.get("content-security-policy") ?? "")?.[1];
    expect(nonce).toBeTruthy();
    const scripts = [...reply.text.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((tag) => !tag.includes(`nonce="${nonce}"`))).toEqual([]);
  });

  it("gives every page a fresh nonce", async () => {
    const nonce = async () => /'nonce-([^']+)'/.exec((await new Client(app.server.url).get("/sign-in")).headers.get("content-security-policy")!)![1];
    expect(await nonce()).not.toBe(await nonce());
  });

  it("sign-in and sign-up forms post, so a submit before hydration keeps the password out of the URL", async () => {
    for (const path of ["/sign-in", "/sign-up"]) {
      const page = await new Client(app.server.url).get(path);
      expect(page.text).toMatch(/<form[^>]*method="post"/);
      const posted = await new Client(app.server.url).request("POST", path, {
        body: "email=a%40example.com&password=secret-password",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      });
      expect(posted.status).toBeLessThan(500);
      expect(posted.headers.get("location") ?? "").not.toContain("secret-password");
    }
  });

  it("API answers are nosniff, never cached and may load nothing", async () => {
    const reply = await new Client(app.server.url).get("/api/review/session");
    expect(reply.status).toBe(401);
    expect(reply.headers.get("content-type")).toMatch(/^application\/json/);
    expect(reply.headers.get("x-content-type-options")).toBe("nosniff");
    expect(reply.headers.get("cache-control")).toBe("no-store");
    const csp = directives(reply.headers.get("content-security-policy"));
    expect(csp.get("default-src")).toBe("'none'");
    expect(csp.get("frame-ancestors")).toBe("'none'");
  });
});

async function sessionCookie(base: AppServer): Promise<string> {
  const client = new Client(base.url);
  const email = uniqueEmail("cookie");
  expect((await client.post("/api/account", { email, password: PASSWORD })).status).toBe(201);
  const { setCookies } = await client.signIn(email);
  const line = setCookies.find((cookie) => /next-auth\.session-token=/.test(cookie));
  expect(line, `no session cookie in ${setCookies.join(" | ")}`).toBeDefined();
  return line!;
}

describe("session cookie", () => {
  it("is HttpOnly and SameSite=Lax over http", async () => {
    const cookie = await sessionCookie(app.server);
    expect(cookie).toMatch(/^next-auth\.session-token=/);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    expect(cookie).toMatch(/;\s*Path=\//i);
    expect(cookie).not.toMatch(/;\s*Secure/i);
  });

  it("is also Secure, with the __Secure- prefix, when NEXTAUTH_URL is https", async () => {
    const secure = await appServer(app.target, { baseUrl: "https://keypoint.example" });
    await secure.start();
    try {
      const cookie = await sessionCookie(secure);
      expect(cookie).toMatch(/^__Secure-next-auth\.session-token=/);
      expect(cookie).toMatch(/;\s*Secure/i);
      expect(cookie).toMatch(/;\s*HttpOnly/i);
      expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    } finally {
      await secure.stop();
    }
  });
});
