// Bad input over HTTP: a table of malformed requests across every route, plus fast-check
// bodies. Each gets a 4xx with a readable `{ error: { code, message } }`, never a 5xx,
// and the server keeps answering good requests afterwards.
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { discoverApiRoutes } from "./api-routes";
import { Client, PASSWORD, signedInClient, type Reply, seededAppServer } from "./app-server";

let user: Client;
let cardId: string;
let choiceCardId: string;
let clozeCardId: string;
let quizId: string | null = null;

const app = seededAppServer("faults_badinput");

beforeAll(async () => {
  user = (await signedInClient(app.server.url, "fuzz")).client;
  const session = await user.get("/api/review/session");
  cardId = (session.body as { cards: { id: string }[] }).cards[0]!.id;
  choiceCardId = (await app.db.card.findFirstOrThrow({ where: { documentId: app.defaultDeckId, kind: { in: ["choice", "CHOICE"] } } })).id;
  clozeCardId = (await app.db.card.findFirstOrThrow({ where: { documentId: app.defaultDeckId, kind: { in: ["cloze", "CLOZE"] } } })).id;
  if (discoverApiRoutes().some((route) => route.pattern === "/api/quiz")) {
    const quiz = await user.post("/api/quiz", { documentId: app.defaultDeckId, topicId: null, count: 5 });
    quizId = (quiz.body as { quiz: { id: string } }).quiz.id;
  }
});

interface Case {
  name: string;
  method: string;
  path: string;
  body?: unknown;
  type?: string;
  anonymous?: boolean;
}

const big = (n: number) => "x".repeat(n);
const NOT_UTF8 = new Uint8Array([0x7b, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);
const BINARY_TEXT = "Title\n\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008 binary \u0000\u0000\u0000\u0000\u0000\u0000";

/** Malformed bodies any JSON route must refuse. */
function malformedJson(name: string, method: string, path: string): Case[] {
  return [
    { name: `${name}: broken JSON`, method, path, body: '{"a": ', type: "application/json" },
    { name: `${name}: empty body`, method, path, body: "", type: "application/json" },
    { name: `${name}: JSON null`, method, path, body: "null", type: "application/json" },
    { name: `${name}: JSON array`, method, path, body: "[1,2,3]", type: "application/json" },
    { name: `${name}: text/plain`, method, path, body: "{}", type: "text/plain" },
    { name: `${name}: form-encoded`, method, path, body: "a=1&b=2", type: "application/x-www-form-urlencoded" },
    { name: `${name}: no content type`, method, path, body: "{}", type: "" },
    { name: `${name}: not UTF-8`, method, path, body: NOT_UTF8, type: "application/json" },
    { name: `${name}: binary`, method, path, body: PNG, type: "application/json" },
    { name: `${name}: 3 MB`, method, path, body: JSON.stringify({ text: big(3 * 1024 * 1024) }), type: "application/json" },
  ];
}

function table(): Case[] {
  const grade = (body: Record<string, unknown>) => ({ cardId, rating: 3, clientRequestId: randomUUID(), durationMs: 100, ...body });
  const cases: Case[] = [
    // Sign-up (public)
    ...malformedJson("sign-up", "POST", "/api/account").map((c) => ({ ...c, anonymous: true })),
    ...[
      {},
      { email: 42, password: PASSWORD },
      { email: "not-an-email", password: PASSWORD },
      { email: `${big(300)}@example.com`, password: PASSWORD },
      { email: "short@example.com", password: "short" },
      { email: "long@example.com", password: big(10_000) },
      { email: "name@example.com", password: PASSWORD, name: big(1_000) },
      { email: "tz@example.com", password: PASSWORD, timeZone: "Mars/Olympus_Mons" },
      { email: "tz2@example.com", password: PASSWORD, timeZone: 123 },
      { email: ["a@example.com"], password: PASSWORD },
      { email: "nul\u0000@example.com", password: PASSWORD },
      { email: "obj@example.com", password: { $gt: "" } },
      // Weak passwords: common ones in any case, whitespace only, one character repeated.
      { email: "weak1@example.com", password: "password" },
      { email: "weak2@example.com", password: "PASSWORD1" },
      { email: "weak3@example.com", password: "        " },
      { email: "weak4@example.com", password: "qwertyuiop " },
      { email: "weak5@example.com", password: "aaaaaaaaaaaa" },
      { email: "weak6\ud800@example.com", password: PASSWORD },
    ].map((body, i) => ({ name: `sign-up body ${i}`, method: "POST", path: "/api/account", body, anonymous: true })),
    // Password change
    ...malformedJson("password", "POST", "/api/account/password"),
    ...[
      {},
      { currentPassword: PASSWORD },
      { currentPassword: PASSWORD, newPassword: "short" },
      { currentPassword: PASSWORD, newPassword: big(201) },
      { currentPassword: 1, newPassword: "long enough password" },
      { currentPassword: "", newPassword: "long enough password" },
      { currentPassword: PASSWORD, newPassword: PASSWORD },
      { currentPassword: PASSWORD, newPassword: "12345678" },
      { currentPassword: PASSWORD, newPassword: "\t\t\t\t\t\t\t\t" },
    ].map((body, i) => ({ name: `password body ${i}`, method: "POST", path: "/api/account/password", body })),
    // Review session query
    ...["deck=has%20space", `deck=${big(65)}`, "deck=%00", "deck=../../etc/passwd", "after=%27%20OR%201%3D1--", "deck=c000000000000000000000", "deck=a%20b&deck=c%20d"].map(
      (query, i) => ({ name: `session query ${i}`, method: "GET", path: `/api/review/session?${query}` }),
    ),
    // Grade
    ...malformedJson("grade", "POST", "/api/review/grade"),
    ...[
      { rating: 0 },
      { rating: 5 },
      { rating: -1 },
      { rating: 2.5 },
      { rating: "3" },
      { rating: null },
      { rating: "Good" },
      { rating: 1e308 },
      { rating: [3] },
      { cardId: undefined },
      { cardId: 12345 },
      { cardId: big(65) },
      { cardId: "' OR 1=1 --" },
      { cardId: "c0000000000000000000notreal" },
      { clientRequestId: "short" },
      { clientRequestId: big(65) },
      { clientRequestId: "ünïcødé-request-id" },
      { clientRequestId: 12345678 },
      { durationMs: -1 },
      { durationMs: 1e12 },
      { durationMs: "fast" },
      { durationMs: 1.5 },
      { durationMs: "2026-13-45T99:99:99Z" },
      { deck: "not a deck" },
      { deck: "c0000000000000000000notreal" },
    ].map((body, i) => ({ name: `grade body ${i} ${JSON.stringify(body).slice(0, 40)}`, method: "POST", path: "/api/review/grade", body: grade(body) })),
    // Undo
    ...malformedJson("undo", "POST", "/api/review/undo"),
    ...[{}, { reviewLogId: 5 }, { reviewLogId: "bad id!" }, { reviewLogId: big(100) }, { reviewLogId: "abc", deck: 7 }].map((body, i) => ({
      name: `undo body ${i}`,
      method: "POST",
      path: "/api/review/undo",
      body,
    })),
    // Card edits
    ...malformedJson("card edit", "PATCH", `/api/cards/${"CARD"}`),
    ...[
      {},
      { prompt: "" },
      { prompt: "   " },
      { prompt: big(3_000) },
      { answer: big(600) },
      { options: ["only one"] },
      { options: ["a", "b", "c", "d", "e", "f", "g"] },
      { options: "a,b" },
      { options: [1, 2] },
      { suspended: "yes" },
      { suspended: 1 },
      { prompt: 42 },
    ].map((body, i) => ({ name: `card edit body ${i}`, method: "PATCH", path: `/api/cards/CARD`, body })),
    { name: "cloze edit without its gap", method: "PATCH", path: `/api/cards/CLOZE`, body: { prompt: "No gap here at all." } },
    { name: "choice edit whose answer is not an option", method: "PATCH", path: `/api/cards/CHOICE`, body: { options: ["red", "blue"], answer: "green" } },
    { name: "card edit, unknown card", method: "PATCH", path: "/api/cards/c0000000000000000000notreal", body: { suspended: true } },
    { name: "card edit, id with spaces", method: "PATCH", path: "/api/cards/has%20space", body: { suspended: true } },
    { name: "card edit, id too long", method: "PATCH", path: `/api/cards/${big(65)}`, body: { suspended: true } },
    // Documents
    ...malformedJson("import", "POST", "/api/documents"),
    ...[
      {},
      { text: 42 },
      { text: "" },
      { text: "    \n\n   " },
      { text: BINARY_TEXT },
      { text: "just three words" },
      { text: "A fine title\n\nA sentence about 42% of things.", dropped: "all" },
      { text: "A fine title\n\nA sentence about 42% of things.", dropped: ["NOT-A-CARD-ID!"] },
      { text: "A fine title\n\nA sentence about 42% of things.", dropped: [42] },
    ].map((body, i) => ({ name: `import body ${i}`, method: "POST", path: "/api/documents", body })),
    // Preview
    ...malformedJson("preview", "POST", "/api/documents/preview").filter((c) => c.type !== "text/plain"),
    { name: "preview text/plain not UTF-8", method: "POST", path: "/api/documents/preview", body: new Uint8Array([0x48, 0x69, 0x0a, 0xff, 0xfe, 0xfd, 0xc3, 0x28]), type: "text/plain" },
    { name: "preview text/plain PNG", method: "POST", path: "/api/documents/preview", body: PNG, type: "text/plain" },
    { name: "preview text/plain NULs", method: "POST", path: "/api/documents/preview", body: BINARY_TEXT, type: "text/plain; charset=utf-8" },
    { name: "preview text/plain empty", method: "POST", path: "/api/documents/preview", body: "", type: "text/plain" },
    { name: "preview text/plain 3 MB", method: "POST", path: "/api/documents/preview", body: big(3 * 1024 * 1024), type: "text/plain" },
    { name: "preview text/markdown whitespace", method: "POST", path: "/api/documents/preview", body: "  \n\t\n ", type: "text/markdown" },
    { name: "preview octet-stream", method: "POST", path: "/api/documents/preview", body: PNG, type: "application/octet-stream" },
    { name: "preview multipart", method: "POST", path: "/api/documents/preview", body: "--x\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nhi\r\n--x--", type: "multipart/form-data; boundary=x" },
    ...uploads([
      ["no boundary", "--x\r\n\r\n", "multipart/form-data"],
      ["file as a text field", "--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nhi\r\n--x--", "multipart/form-data; boundary=x"],
      ["cut short", "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7", "multipart/form-data; boundary=x"],
    ]),
    ...[
      ["damaged PDF", "a.pdf", "application/pdf", "%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage"],
      ["PNG named .pdf", "a.pdf", "application/pdf", PNG],
      ["zip named .docx", "a.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)])],
      ["empty .docx", "a.docx", "", ""],
      ["page of scripts", "a.html", "text/html", "<html><script>alert(1)</script><style>p{}</style></html>"],
      ["old .doc", "a.doc", "application/msword", "text"],
      ["binary named .md", "notes.md", "text/markdown", new Uint8Array([0x23, 0x20, 0, 1, 2, 0, 3])],
    ].map(([label, name, type, content]) => fileUpload(`preview upload ${label}`, name as string, type as string, content as string | Uint8Array)),
    { name: "preview JSON text number", method: "POST", path: "/api/documents/preview", body: { text: 5 } },
    // Study settings
    ...(discoverApiRoutes().some((route) => route.pattern === "/api/settings")
      ? [
          ...malformedJson("settings", "PATCH", "/api/settings"),
          ...[
            {},
            { desiredRetention: 0.5 },
            { desiredRetention: 1.5 },
            { desiredRetention: "0.9" },
            { desiredRetention: null },
            { dailyNewLimit: -1 },
            { dailyNewLimit: 1e12 },
            { dailyNewLimit: 2.5 },
            { dailyReviewLimit: "lots" },
            { timeZone: "Not/AZone" },
            { timeZone: big(500) },
            { timeZone: 0 },
          ].map((body, i) => ({ name: `settings body ${i} ${JSON.stringify(body).slice(0, 40)}`, method: "PATCH", path: "/api/settings", body })),
        ]
      : []),
    // Memory model
    ...(discoverApiRoutes().some((route) => route.pattern === "/api/memory-model/parameters")
      ? [
          ...malformedJson("parameters", "POST", "/api/memory-model/parameters"),
          ...[
            {},
            { from: "elsewhere", reschedule: false },
            { from: "defaults" },
            { from: "defaults", reschedule: "yes" },
            { from: "pasted", text: "0.2, 1.2, 2.3", reschedule: false },
            { from: "pasted", text: "abc, ".repeat(20) + "1", reschedule: false },
            { from: "pasted", text: "250, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542", reschedule: false },
            { from: "pasted", text: big(3000), reschedule: false },
            { from: "pasted", text: "", reschedule: false },
            { from: "optimisation", jobId: "bad id!", reschedule: false },
            { from: "optimisation", jobId: "c0000000000000000000notreal", reschedule: false },
            { from: "history", parameterSetId: "c0000000000000000000notreal", reschedule: true },
          ].map((body, i) => ({ name: `parameters body ${i} ${JSON.stringify(body).slice(0, 40)}`, method: "POST", path: "/api/memory-model/parameters", body })),
          ...[{ learningSteps: "0.5m" }, { relearningSteps: "1.5h" }, { learningSteps: "10" }, { learningSteps: 5 }, { autoOptimise: "yes" }].map((body, i) => ({
            name: `settings steps body ${i} ${JSON.stringify(body)}`,
            method: "PATCH",
            path: "/api/settings",
            body,
          })),
          { name: "cancel with nothing running", method: "POST", path: "/api/memory-model/cancel" },
        ]
      : []),
    // Test clock (absent without KEYPOINT_TEST_HOOKS)
    { name: "test clock without hooks", method: "POST", path: "/api/test/clock", body: { offsetMs: -5 } },
    // Wrong methods and unknown routes
    { name: "GET on grade", method: "GET", path: "/api/review/grade" },
    { name: "PUT on documents", method: "PUT", path: "/api/documents", body: {} },
    { name: "DELETE on a card", method: "DELETE", path: `/api/cards/CARD` },
    { name: "unknown API route", method: "GET", path: "/api/does-not-exist" },
    { name: "unknown nested API route", method: "POST", path: "/api/review/grade/extra/segments", body: {} },
    { name: "unknown quiz sub-route", method: "DELETE", path: "/api/quiz/abc/def/ghi" },
  ];
  if (quizId) {
    const answer = (body: Record<string, unknown>) => ({ questionIndex: 0, answer: "x", clientRequestId: randomUUID(), durationMs: 10, ...body });
    cases.push(
      ...malformedJson("quiz start", "POST", "/api/quiz"),
      ...[
        {},
        { documentId: 42 },
        { documentId: "bad id!" },
        { documentId: app.defaultDeckId, count: 0 },
        { documentId: app.defaultDeckId, count: 51 },
        { documentId: app.defaultDeckId, count: 2.5 },
        { documentId: app.defaultDeckId, count: "10" },
        { documentId: app.defaultDeckId, count: -1e9 },
        { documentId: app.defaultDeckId, topicId: 7 },
        { documentId: app.defaultDeckId, topicId: "c0000000000000000000notreal" },
        { documentId: "c0000000000000000000notreal" },
      ].map((body, i) => ({ name: `quiz start body ${i}`, method: "POST", path: "/api/quiz", body })),
      ...malformedJson("quiz answer", "POST", `/api/quiz/${quizId}/answer`),
      ...[
        { questionIndex: -1 },
        { questionIndex: 50 },
        { questionIndex: 1e9 },
        { questionIndex: "0" },
        { questionIndex: 0.5 },
        { answer: big(501) },
        { answer: 42 },
        { answer: null },
        { clientRequestId: "x" },
        { durationMs: -5 },
        { durationMs: "later" },
      ].map((body, i) => ({ name: `quiz answer body ${i}`, method: "POST", path: `/api/quiz/${quizId}/answer`, body: answer(body) })),
      ...["has%20space", big(65), "..%2F..%2Fetc", "c0000000000000000000notreal"].flatMap((id, i) => [
        { name: `quiz read bad id ${i}`, method: "GET", path: `/api/quiz/${id}` },
        { name: `quiz finish bad id ${i}`, method: "POST", path: `/api/quiz/${id}/finish` },
        { name: `quiz review-missed bad id ${i}`, method: "POST", path: `/api/quiz/${id}/review-missed` },
        { name: `quiz discard bad id ${i}`, method: "DELETE", path: `/api/quiz/${id}` },
      ]),
      { name: "review-missed on an unfinished quiz", method: "POST", path: `/api/quiz/${quizId}/review-missed` },
    );
  }
  for (const route of discoverApiRoutes().filter((r) => r.pattern.startsWith("/api/export/"))) {
    cases.push(
      { name: `export ${route.pattern} POST`, method: "POST", path: route.pattern, body: {} },
    );
  }
  return cases;
}

function cardPath(path: string): string {
  return path.replace("/CARD", `/${cardId}`).replace("/CLOZE", `/${clozeCardId}`).replace("/CHOICE", `/${choiceCardId}`);
}

async function send(c: Case): Promise<Reply> {
  const client = c.anonymous ? new Client(app.server.url) : user;
  const headers: Record<string, string> = {};
  if (c.type !== undefined && c.type !== "") headers["content-type"] = c.type;
  let body = c.body;
  if (body !== undefined && typeof body !== "string" && !(body instanceof Uint8Array)) {
    body = JSON.stringify(body);
    if (c.type === undefined) headers["content-type"] = "application/json";
  }
  return client.request(c.method, cardPath(c.path), { body, headers });
}

/** Multipart bodies that are not a usable upload. */
function uploads(bodies: [string, string, string][]): Case[] {
  return bodies.map(([label, body, type]) => ({ name: `preview multipart ${label}`, method: "POST", path: "/api/documents/preview", body, type }));
}

/** A well-formed multipart upload of `content` as a file named `name`. */
function fileUpload(label: string, name: string, type: string, content: string | Uint8Array): Case {
  const head = `--kp\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n${type ? `Content-Type: ${type}\r\n` : ""}\r\n`;
  const body = Buffer.concat([Buffer.from(head), Buffer.from(content), Buffer.from("\r\n--kp--\r\n")]);
  return { name: label, method: "POST", path: "/api/documents/preview", body: new Uint8Array(body), type: "multipart/form-data; boundary=kp" };
}

function problem(reply: Reply): string | null {
  // A method the route does not offer: Next.js answers 405 itself, with an Allow-less empty body.
  if (reply.status === 405) return null;
  const error = (reply.body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  if (reply.status < 400 || reply.status >= 500) return `status ${reply.status}`;
  if (typeof error?.code !== "string" || typeof error?.message !== "string" || error.message.length < 5) return `unreadable body ${reply.text.slice(0, 120)}`;
  if (/at .*\.(js|ts):\d+|prisma|sqlite|postgres|stack/i.test(error.message)) return `internals leak: ${error.message.slice(0, 120)}`;
  return null;
}

const tally = { tried: 0, wrong: 0 };

/** Strings holding lone UTF-16 surrogates ("\ud800"), which no UTF-8 text can: the databases refuse them. */
const withLoneSurrogates = fc
  .array(fc.oneof(fc.integer({ min: 0xd800, max: 0xdfff }), fc.integer({ min: 0x20, max: 0x7e }), fc.constant(0x20)), { minLength: 1, maxLength: 60 })
  .map((codes) => String.fromCharCode(...codes));

describe("malformed requests", () => {
  it("each gets a readable 4xx, never a 5xx", async () => {
    const wrong: string[] = [];
    const cases = table();
    for (const c of cases) {
      const reply = await send(c);
      tally.tried++;
      const issue = problem(reply);
      if (issue) wrong.push(`${c.name} (${c.method} ${c.path.slice(0, 60)}): ${issue}`);
    }
    tally.wrong += wrong.length;
    console.log(`faults/bad-input: ${cases.length} table cases, ${wrong.length} went wrong`);
    expect(wrong).toEqual([]);
    expect(cases.length).toBeGreaterThanOrEqual(100);
  });

  it("random JSON bodies (fast-check) get readable 4xx answers", async () => {
    const wrong: string[] = [];
    let runs = 0;
    const targets = [
      { method: "POST", path: "/api/review/grade" },
      { method: "POST", path: "/api/review/undo" },
      { method: "PATCH", path: "/api/cards/CARD" },
      { method: "POST", path: "/api/documents" },
      { method: "POST", path: "/api/documents/preview" },
      { method: "POST", path: "/api/account/password" },
      ...(quizId ? [{ method: "POST", path: "/api/quiz" }, { method: "POST", path: `/api/quiz/${quizId}/answer` }] : []),
    ];
    const fieldNames = ["cardId", "rating", "clientRequestId", "durationMs", "deck", "reviewLogId", "prompt", "answer", "options", "suspended", "text", "dropped", "documentId", "topicId", "count", "questionIndex", "currentPassword", "newPassword"];
    // Objects with the real field names but values of any type, and any JSON at all.
    const body = fc.oneof(
      fc.dictionary(fc.constantFrom(...fieldNames), fc.oneof(fc.anything(), fc.string({ maxLength: 80 }), withLoneSurrogates, fc.double(), fc.integer()), { maxKeys: 6 }),
      fc.jsonValue({ maxDepth: 3 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...targets), body, async (target, value) => {
        runs++;
        let text: string;
        try {
          text = JSON.stringify(value) ?? "null";
        } catch {
          text = "{}";
        }
        const reply = await user.request(target.method, cardPath(target.path), { body: text, headers: { "content-type": "application/json" } });
        // A random body can be valid by chance (an empty edit list is not, a stray undo id is a no-op): only 5xx and unreadable errors fail.
        if (reply.status >= 400) {
          const issue = problem(reply);
          if (issue) wrong.push(`${target.method} ${target.path} ${text.slice(0, 80)}: ${issue}`);
        } else if (reply.status >= 300) wrong.push(`${target.path}: ${reply.status}`);
        return true;
      }),
      { numRuns: Number(process.env.FAULTS_FUZZ_RUNS ?? 240), seed: Number(process.env.FAULTS_SEED ?? 20261129) },
    );
    tally.tried += runs;
    tally.wrong += wrong.length;
    console.log(`faults/bad-input: ${runs} fast-check bodies, ${wrong.length} went wrong`);
    expect(wrong).toEqual([]);
  });

  it("sign-in with malformed credentials never fails with a 5xx", async () => {
    const wrong: string[] = [];
    const forms = ["", "email=&password=", `email=${big(5000)}&password=x`, "email[]=a&password[]=b", "csrfToken=forged&email=a@b.c&password=x&json=true", "%ZZ%"];
    for (const form of forms) {
      const reply = await new Client(app.server.url).request("POST", "/api/auth/callback/credentials", { body: form, headers: { "content-type": "application/x-www-form-urlencoded" } });
      tally.tried++;
      if (reply.status >= 500) wrong.push(`sign-in form ${form.slice(0, 30)}: ${reply.status}`);
    }
    tally.wrong += wrong.length;
    expect(wrong).toEqual([]);
  });

  it("stores lone surrogates in any JSON string as U+FFFD, never a 500", async () => {
    const wrong: string[] = [];
    const check = async (what: string, reply: Reply) => {
      tally.tried++;
      if (reply.status >= 500 || (reply.status >= 400 && problem(reply))) wrong.push(`${what}: ${reply.status} ${reply.text.slice(0, 120)}`);
      return reply;
    };
    const text = "Lecture \ud800 on broken text\n\nSection 1 - Surrogates\nAbout 42% of the \udfff files held 7 broken characters in 2019.\nThe parser rejected 3 of every 10 files at the Oslo site.\n";
    await check("preview", await user.post("/api/documents/preview", { text }));
    const saved = await check("import", await user.post("/api/documents", { text }));
    const documentId = (saved.body as { documentId?: string }).documentId;
    if (documentId) {
      const stored = await app.db.document.findUniqueOrThrow({ where: { id: documentId } });
      if (!stored.title.includes("\ufffd") || !stored.sourceText.includes("\ufffd")) wrong.push("document not stored with U+FFFD");
    } else wrong.push(`import gave no document: ${saved.status}`);
    const signUp = await check("sign-up name", await new Client(app.server.url).post("/api/account", { email: `lone-${randomUUID()}@example.com`, password: PASSWORD, name: "Ada \udc00" }));
    const userId = (signUp.body as { user?: { id?: string } }).user?.id;
    if (!userId || (await app.db.user.findUniqueOrThrow({ where: { id: userId } })).name !== "Ada \ufffd") wrong.push("sign-up name not stored with U+FFFD");
    await check("card edit", await user.request("PATCH", `/api/cards/${clozeCardId}`, { body: { prompt: "Broken \ud83d text with its [...] gap" } }));
    if (quizId) await check("quiz answer", await user.post(`/api/quiz/${quizId}/answer`, { questionIndex: 1, answer: "\ud800", clientRequestId: randomUUID() }));
    await check("grade request id", await user.post("/api/review/grade", { cardId, rating: 3, clientRequestId: "\ud800\ud800\ud800\ud800\ud800\ud800\ud800\ud800" }));
    await check("sign-in", await new Client(app.server.url).request("POST", "/api/auth/callback/credentials", { body: { email: "a\ud800@example.com", password: "\ud800", json: "true" } }));
    console.log(`faults/bad-input: lone surrogates in 8 places, ${wrong.length} went wrong`);
    tally.wrong += wrong.length;
    expect(wrong).toEqual([]);
  });

  it("callbackUrl values next-auth cannot parse, as a parameter or a cookie, never give a 500", async () => {
    const values = ["http://a:b", "http://[::1", "javascript:alert(1)", "//evil.example", "/\\evil.example/x", "http:evil", "\t/\t/evil", "%", "ftp://x/"];
    const wrong: string[] = [];
    for (const value of values) {
      for (const path of ["/api/auth/signin", "/api/auth/session", "/api/auth/csrf", "/api/auth/providers", "/api/auth/signout", "/sign-in", "/"]) {
        tally.tried += 2;
        const withParam = await new Client(app.server.url).get(`${path}?callbackUrl=${encodeURIComponent(value)}`);
        if (withParam.status >= 500) wrong.push(`${path}?callbackUrl=${value}: ${withParam.status}`);
        const withCookie = new Client(app.server.url);
        withCookie.cookies.set("next-auth.callback-url", encodeURIComponent(value));
        const reply = await withCookie.get(path);
        if (reply.status >= 500) wrong.push(`${path} with cookie ${value}: ${reply.status}`);
        const location = reply.headers.get("location") ?? withParam.headers.get("location");
        if (location && new URL(location, app.server.url).host !== new URL(app.server.url).host) wrong.push(`${path} ${value} sends to ${location}`);
      }
    }
    tally.wrong += wrong.length;
    expect(wrong).toEqual([]);
  });

  it("keeps serving good requests afterwards", async () => {
    const session = await user.get("/api/review/session");
    expect(session.status).toBe(200);
    const graded = await user.post("/api/review/grade", { cardId, rating: 3, clientRequestId: randomUUID(), durationMs: 1000 });
    expect(graded.status).toBe(200);
    console.log(`faults/bad-input: ${tally.tried} malformed requests in all, ${tally.wrong} went wrong`);
  });
});
