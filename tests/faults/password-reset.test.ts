// Password-reset links against a started server: mailed through a real SMTP conversation (a
// local catcher), used once, refused when expired, forged, or tried on another account.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { issuePasswordReset } from "../../lib/auth/password-reset";
import { appServer, Client, PASSWORD, seededDatabase, signedInClient, sleep, type SeededApp } from "./app-server";
import { resetLinkIn, smtpCatcher, type SmtpCatcher } from "./smtp-catcher";

const app = {} as SeededApp;
let smtp: SmtpCatcher;

beforeAll(async () => {
  smtp = await smtpCatcher();
  Object.assign(app, await seededDatabase("faults_reset"));
  app.server = await appServer(app.target, { env: { KEYPOINT_SMTP_URL: smtp.url } });
  await app.server.start();
});
afterAll(async () => {
  await app.server?.stop();
  await app.db?.$disconnect();
  await smtp?.close();
});

const NEW_PASSWORD = "a fresh password 42";

async function mailFor(email: string, count: number) {
  for (let i = 0; i < 100 && smtp.mails.filter((m) => m.to.some((to) => to.includes(email))).length < count; i++) await sleep(100);
  return smtp.mails.filter((m) => m.to.some((to) => to.includes(email)));
}

const tokenOf = (link: string) => new URL(link).searchParams.get("token")!;

function reset(client: Client, token: string, newPassword = NEW_PASSWORD) {
  return client.post("/api/account/reset-password", { token, newPassword });
}

it("mails a link through SMTP, answers the same for unknown emails, and a link works exactly once", async () => {
  const { client: old, email } = await signedInClient(app.server.url, "forgot");
  const anonymous = new Client(app.server.url);
  const asked = await anonymous.post("/api/account/forgot-password", { email: email.toUpperCase() });
  const unknown = await anonymous.post("/api/account/forgot-password", { email: "nobody-at-all@example.com" });
  expect(asked.status).toBe(200);
  expect(unknown).toMatchObject({ status: 200, text: asked.text });

  const [mail] = await mailFor(email, 1);
  expect(mail.data).toMatch(/Subject: Reset your Keypoint password/);
  const link = resetLinkIn(mail)!;
  expect(link.startsWith(`${app.server.url}/reset-password?token=`)).toBe(true);
  expect(smtp.mails.some((m) => m.to.some((to) => to.includes("nobody-at-all")))).toBe(false);

  const page = await anonymous.get(new URL(link).pathname + new URL(link).search);
  expect(page.status).toBe(200);
  expect(page.text).toContain(email);

  expect((await reset(anonymous, tokenOf(link))).status).toBe(200);
  // Every earlier session has ended; the new password signs in, the old one does not.
  expect((await old.get("/api/review/session")).status).toBe(401);
  const fresh = new Client(app.server.url);
  await fresh.signIn(email, PASSWORD);
  expect(fresh.hasSession()).toBe(false);
  await fresh.signIn(email, NEW_PASSWORD);
  expect(fresh.hasSession()).toBe(true);

  // Single use: the same link again is refused and changes nothing.
  const again = await reset(anonymous, tokenOf(link), "yet another password");
  expect(again.status).toBe(410);
  expect((again.body as { error: { code: string } }).error.code).toBe("RESET_LINK_USED");
  const stillNew = new Client(app.server.url);
  await stillNew.signIn(email, NEW_PASSWORD);
  expect(stillNew.hasSession()).toBe(true);
});

it("refuses an expired link, with a sentence that says so, and leaves the password alone", async () => {
  const { email } = await signedInClient(app.server.url, "expired");
  const before = (await app.db.user.findUniqueOrThrow({ where: { email } })).passwordHash;
  const issued = (await issuePasswordReset(app.db, email, new Date(Date.now() - 31 * 60_000)))!;
  const reply = await reset(new Client(app.server.url), issued.token);
  expect(reply.status).toBe(410);
  expect(reply.body).toMatchObject({ error: { code: "RESET_LINK_EXPIRED", message: expect.stringMatching(/expired/) } });
  expect((await app.db.user.findUniqueOrThrow({ where: { email } })).passwordHash).toBe(before);
  const page = await new Client(app.server.url).get(`/reset-password?token=${issued.token}`);
  expect(page.text).toContain("This link cannot be used");
});

it("a link resets only the account it was made for, whoever sends it", async () => {
  const { email: aliceEmail } = await signedInClient(app.server.url, "alice-reset");
  const { client: bob, email: bobEmail } = await signedInClient(app.server.url, "bob-reset");
  const bobHash = (await app.db.user.findUniqueOrThrow({ where: { email: bobEmail } })).passwordHash;
  const alices = (await issuePasswordReset(app.db, aliceEmail, new Date()))!;
  // Bob, signed in, sends Alice's token: it is Alice's link, it cannot be pointed at Bob.
  const reply = await bob.post("/api/account/reset-password", { token: alices.token, newPassword: NEW_PASSWORD, email: bobEmail });
  expect(reply.status).toBe(200);
  expect(reply.body).toEqual({ email: aliceEmail });
  expect((await app.db.user.findUniqueOrThrow({ where: { email: bobEmail } })).passwordHash).toBe(bobHash);
  expect((await bob.get("/api/review/session")).status).toBe(200);
  // Bob's own outstanding link is untouched by the use of Alice's.
  const bobs = (await issuePasswordReset(app.db, bobEmail, new Date()))!;
  expect((await new Client(app.server.url).get(`/reset-password?token=${bobs.token}`)).text).toContain(bobEmail);
});

it("refuses forged tokens: made up, altered, or the stored hash itself", async () => {
  const { email } = await signedInClient(app.server.url, "forged");
  const before = (await app.db.user.findUniqueOrThrow({ where: { email } })).passwordHash;
  const real = (await issuePasswordReset(app.db, email, new Date()))!;
  const stored = await app.db.passwordReset.findFirstOrThrow({ where: { user: { email } } });
  const flip = (token: string) => `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
  const forged = [randomBytes(32).toString("base64url"), flip(real.token), stored.tokenHash, stored.id, "../../etc/passwd", "x".repeat(200)];
  const anonymous = new Client(app.server.url);
  for (const token of forged) {
    const reply = await reset(anonymous, token);
    expect(reply.status, token).toBe(400);
    expect((reply.body as { error: { code: string } }).error.code).toMatch(/RESET_LINK_INVALID|INVALID_INPUT/);
  }
  expect((await app.db.user.findUniqueOrThrow({ where: { email } })).passwordHash).toBe(before);
  // The real link still works after all that.
  expect((await reset(anonymous, real.token)).status).toBe(200);
});

it("sends at most three links per account in half an hour", async () => {
  const { email } = await signedInClient(app.server.url, "flood");
  const anonymous = new Client(app.server.url);
  for (let i = 0; i < 6; i++) expect((await anonymous.post("/api/account/forgot-password", { email })).status).toBe(200);
  await mailFor(email, 3);
  await sleep(500);
  expect((await mailFor(email, 3)).length).toBe(3);
});
