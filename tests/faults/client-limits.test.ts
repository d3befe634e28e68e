// Sign-in and sign-up limits per client address against forged X-Forwarded-For headers.
// Without a trusted proxy the socket's address is the client, whatever the header says; behind
// one (KEYPOINT_TRUST_PROXY=1) only the entry that proxy appended counts. Each attacker and
// owner connects from its own loopback address (127.0.0.x), as separate machines would.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appServer, Client, PASSWORD, seededAppServer, uniqueEmail, type AppServer, type ClientOptions } from "./app-server";

const app = seededAppServer("faults_limits");
let direct: AppServer;
let proxied: AppServer;

beforeAll(async () => {
  direct = app.server;
  proxied = await appServer(app.target, { env: { KEYPOINT_TRUST_PROXY: "1" } });
  await proxied.start();
});
afterAll(async () => {
  await proxied?.stop();
});

/** "signed in", or the error the sign-in form would show. */
async function trySignIn(server: AppServer, email: string, password: string, options: ClientOptions): Promise<string> {
  const client = new Client(server.url, options);
  const { body } = await client.signIn(email, password);
  if (client.hasSession()) return "signed in";
  const url = (body as { url?: string })?.url ?? "";
  return new URL(url, server.url).searchParams.get("error") ?? `no session (${JSON.stringify(body).slice(0, 80)})`;
}

async function account(server: AppServer, from: ClientOptions): Promise<string> {
  const email = uniqueEmail("owner");
  const reply = await new Client(server.url, from).post("/api/account", { email, password: PASSWORD });
  expect(reply.status).toBe(201);
  return email;
}

const LOCKED = /^Too many failed sign-ins\. Try again in 1[45] minutes\.$/;
const forgedAddresses = (n: number) =>
  Array.from({ length: n }, (_, i) => [`203.0.113.${i + 1}`, `[2001:db8:${i}::1]:443`, `198.51.100.${i + 1}:8080`, `::ffff:192.0.2.${i + 1}`][i % 4]!);

describe("without a trusted proxy (KEYPOINT_TRUST_PROXY=0)", () => {
  it("counts wrong passwords against the socket's address, however X-Forwarded-For changes", async () => {
    const email = await account(direct, { localAddress: "127.0.0.5" });
    const answers: string[] = [];
    for (const forged of forgedAddresses(12)) {
      answers.push(await trySignIn(direct, email, "wrong password", { localAddress: "127.0.0.6", headers: { "x-forwarded-for": forged } }));
    }
    expect(answers.slice(0, 5)).toEqual(Array(5).fill("Wrong email or password."));
    for (const answer of answers.slice(5)) expect(answer).toMatch(LOCKED);
    // Even the right password is refused from there, with a header naming somebody else.
    expect(await trySignIn(direct, email, PASSWORD, { localAddress: "127.0.0.6", headers: { "x-forwarded-for": "198.51.100.200" } })).toMatch(LOCKED);
    // The owner, on another machine, signs in.
    expect(await trySignIn(direct, email, PASSWORD, { localAddress: "127.0.0.7" })).toBe("signed in");
  });

  it("does not let one machine lock the owner out by posing as 50 addresses", async () => {
    const email = await account(direct, { localAddress: "127.0.0.5" });
    for (const forged of forgedAddresses(50)) {
      await trySignIn(direct, email, "wrong password", { localAddress: "127.0.0.8", headers: { "x-forwarded-for": forged } });
    }
    expect(await trySignIn(direct, email, PASSWORD, { localAddress: "127.0.0.9" })).toBe("signed in");
  });

  it("stops password spraying across emails after 20 failures from one machine", async () => {
    const answers: string[] = [];
    for (const [i, forged] of forgedAddresses(25).entries()) {
      answers.push(await trySignIn(direct, `spray-${i}@example.com`, "Winter2026!", { localAddress: "127.0.0.10", headers: { "x-forwarded-for": forged } }));
    }
    expect(answers.slice(0, 20)).toEqual(Array(20).fill("Wrong email or password."));
    for (const answer of answers.slice(20)) expect(answer).toMatch(LOCKED);
  });

  it("limits sign-ups per machine, forged headers or not, and says so readably", async () => {
    const statuses: number[] = [];
    let last: unknown;
    for (const forged of forgedAddresses(12)) {
      const reply = await new Client(direct.url, { localAddress: "127.0.0.11", headers: { "x-forwarded-for": forged } }).post("/api/account", {
        email: uniqueEmail("burst"),
        password: PASSWORD,
      });
      statuses.push(reply.status);
      last = reply.body;
    }
    expect(statuses).toEqual([...Array(10).fill(201), 429, 429]);
    expect(last).toEqual({ error: { code: "TOO_MANY_SIGN_UPS", message: "Too many sign-ups from your network. Try again in 1 minute." } });
    expect((await new Client(direct.url, { localAddress: "127.0.0.12" }).post("/api/account", { email: uniqueEmail("other"), password: PASSWORD })).status).toBe(201);
  });

  it("answers at most 5 'email taken' per machine, so probing for accounts stops", async () => {
    const existing = await account(direct, { localAddress: "127.0.0.5" });
    const statuses: number[] = [];
    for (const forged of forgedAddresses(7)) {
      const probe = new Client(direct.url, { localAddress: "127.0.0.13", headers: { "x-forwarded-for": forged } });
      statuses.push((await probe.post("/api/account", { email: existing, password: PASSWORD })).status);
    }
    expect(statuses).toEqual([409, 409, 409, 409, 409, 429, 429]);
  });
});

describe("behind one trusted proxy (KEYPOINT_TRUST_PROXY=1)", () => {
  // This test is the proxy: it appends the real client's address to whatever the client sent.
  const viaProxy = (client: string, sent?: string): ClientOptions => ({ headers: { "x-forwarded-for": sent ? `${sent}, ${client}` : client } });

  it("counts against the address the proxy appended, not what the client wrote before it", async () => {
    const email = await account(proxied, viaProxy("198.51.100.70"));
    const answers: string[] = [];
    for (const forged of forgedAddresses(12)) answers.push(await trySignIn(proxied, email, "wrong password", viaProxy("203.0.113.50", forged)));
    expect(answers.slice(0, 5)).toEqual(Array(5).fill("Wrong email or password."));
    for (const answer of answers.slice(5)) expect(answer).toMatch(LOCKED);
    expect(await trySignIn(proxied, email, PASSWORD, viaProxy("203.0.113.50", "198.51.100.70"))).toMatch(LOCKED);
    expect(await trySignIn(proxied, email, PASSWORD, viaProxy("198.51.100.70"))).toBe("signed in");
  });
});
