// A real `next start` on a loopback port and a small HTTP client that signs in like a browser.
import { spawn, type ChildProcess } from "node:child_process";
import { request as httpRequest } from "node:http";
import { createServer } from "node:net";
import { afterAll, beforeAll } from "vitest";
import { createDb, type Db } from "../../lib/db/runtime/client";
import { middayTimeZone } from "../support/midday-zone";
import { seedDefaultDeck } from "../../lib/db/ops/default-deck";
import { freshDatabase } from "../../lib/db/ops/fresh-database";
import type { DatabaseTarget } from "../../lib/config/database-url";
import { DIST_DIR } from "./build";

export const PASSWORD = "correct horse battery";
const SECRET = "faults-suite-secret-0123456789abcdefghijklmnop";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** A fresh database of the kind DATABASE_URL names, with the default deck loaded. */
export async function seededDatabase(label: string): Promise<{ target: DatabaseTarget; db: Db; defaultDeckId: string }> {
  const target = await freshDatabase(process.env.DATABASE_URL, label);
  const db = createDb(target);
  const { document } = await seedDefaultDeck(db);
  return { target, db, defaultDeckId: document.id };
}

export interface SeededApp {
  db: Db;
  target: DatabaseTarget;
  defaultDeckId: string;
  server: AppServer;
}

/**
 * A test file's own app: a fresh database with the default deck and a started `next start`
 * on it, before the file's tests; stopped and disconnected after them.
 */
export function seededAppServer(label: string): SeededApp {
  const app = {} as SeededApp;
  beforeAll(async () => {
    Object.assign(app, await seededDatabase(label));
    app.server = await appServer(app.target);
    await app.server.start();
  });
  afterAll(async () => {
    await app.server?.stop();
    await app.db?.$disconnect();
  });
  return app;
}

export interface AppServer {
  url: string;
  port: number;
  /** Starts (or restarts) the server and waits until it answers. */
  start(): Promise<void>;
  /** SIGKILL: no shutdown, requests in flight are cut. */
  kill(): Promise<void>;
  stop(): Promise<void>;
  output(): string;
}

export async function appServer(target: DatabaseTarget, options: { baseUrl?: string; env?: Record<string, string> } = {}): Promise<AppServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  let log = "";

  const exited = (proc: ChildProcess) =>
    new Promise<void>((resolve) => (proc.exitCode !== null || proc.signalCode !== null ? resolve() : proc.once("exit", () => resolve())));

  const server: AppServer = {
    url,
    port,
    output: () => log.slice(-20_000),
    async start() {
      if (child) throw new Error("server already running");
      const proc = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
        stdio: ["ignore", "pipe", "pipe"],
        env: {
          ...process.env,
          ...options.env,
          KEYPOINT_DIST_DIR: DIST_DIR,
          DATABASE_URL: target.url,
          NEXTAUTH_SECRET: SECRET,
          NEXTAUTH_URL: options.baseUrl ?? url,
          NEXT_TELEMETRY_DISABLED: "1",
          NODE_ENV: "production",
        },
      });
      child = proc;
      proc.stdout!.on("data", (chunk) => (log += chunk));
      proc.stderr!.on("data", (chunk) => (log += chunk));
      const deadline = Date.now() + 60_000;
      for (;;) {
        if (proc.exitCode !== null) throw new Error(`server exited early (${proc.exitCode}):\n${log}`);
        try {
          const response = await fetch(`${url}/api/auth/csrf`, { signal: AbortSignal.timeout(5_000) });
          if (response.ok) return;
        } catch {
          // not listening yet
        }
        if (Date.now() > deadline) throw new Error(`server did not answer within 60 s:\n${log}`);
        await sleep(150);
      }
    },
    async kill() {
      const proc = child;
      child = null;
      if (!proc) return;
      proc.kill("SIGKILL");
      await exited(proc);
    },
    async stop() {
      const proc = child;
      child = null;
      if (!proc) return;
      proc.kill("SIGTERM");
      const timer = setTimeout(() => proc.kill("SIGKILL"), 5_000);
      await exited(proc);
      clearTimeout(timer);
    },
  };
  return server;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  body: unknown;
}

interface SendInit {
  method: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  timeoutMs?: number;
}

/**
 * One HTTP exchange, redirects not followed. From `localAddress` (another loopback address,
 * such as 127.0.0.2) it goes through node:http, which can bind the client's side of the socket.
 */
async function send(url: string, init: SendInit, localAddress?: string): Promise<{ status: number; headers: Headers; text: string }> {
  if (!localAddress) {
    const response = await fetch(url, { ...init, body: init.body as BodyInit | undefined, redirect: "manual", signal: AbortSignal.timeout(init.timeoutMs ?? 30_000) });
    return { status: response.status, headers: response.headers, text: await response.text() };
  }
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(url, { method: init.method, headers: init.headers, localAddress, timeout: init.timeoutMs ?? 30_000 }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
      incoming.on("end", () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(incoming.headers)) {
          for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, one);
        }
        resolve({ status: incoming.statusCode ?? 0, headers, text: Buffer.concat(chunks).toString("utf8") });
      });
      incoming.on("error", reject);
    });
    outgoing.on("timeout", () => outgoing.destroy(new Error("timed out")));
    outgoing.on("error", reject);
    outgoing.end(init.body);
  });
}

export interface ClientOptions {
  /** Connect from this local address (127.0.0.0/8 all reach the server). */
  localAddress?: string;
  /** Sent with every request, e.g. X-Forwarded-For as a proxy in front of the app would set it. */
  headers?: Record<string, string>;
}

/** A browser-like client: keeps cookies, signs up and in over HTTP. */
export class Client {
  readonly cookies = new Map<string, string>();
  constructor(
    readonly baseUrl: string,
    readonly options: ClientOptions = {},
  ) {}

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  private keep(headers: Headers) {
    for (const line of headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (value === "" || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /** Any request; `body` objects are sent as JSON unless a content type is given. */
  async request(method: string, path: string, init: { body?: unknown; headers?: Record<string, string>; timeoutMs?: number } = {}): Promise<Reply> {
    const headers: Record<string, string> = { ...this.options.headers, ...init.headers };
    if (this.cookies.size) headers.cookie = this.cookieHeader();
    let body: string | Uint8Array | undefined;
    if (init.body !== undefined) {
      if (typeof init.body === "string" || init.body instanceof Uint8Array) {
        body = init.body;
      } else {
        body = JSON.stringify(init.body);
        headers["content-type"] ??= "application/json";
      }
    }
    const response = await send(this.baseUrl + path, { method, headers, body, timeoutMs: init.timeoutMs }, this.options.localAddress);
    this.keep(response.headers);
    const { text } = response;
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: response.status, headers: response.headers, text, body: parsed };
  }

  get(path: string) {
    return this.request("GET", path);
  }
  post(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request("POST", path, { body, headers });
  }

  async signUp(email: string, password = PASSWORD): Promise<void> {
    // As the sign-up form does, with a zone where it is midday (away from the 4 a.m. day start).
    const reply = await this.post("/api/account", { email, password, timeZone: middayTimeZone() });
    if (reply.status !== 201) throw new Error(`sign-up failed: ${reply.status} ${reply.text}`);
    await this.signIn(email, password);
  }

  /** The credentials flow a browser runs: CSRF token, then the form post. Returns the Set-Cookie lines. */
  async signIn(email: string, password = PASSWORD, headers: Record<string, string> = {}): Promise<{ status: number; headers: Headers; setCookies: string[]; body: unknown }> {
    const csrf = await this.get("/api/auth/csrf");
    const { csrfToken } = csrf.body as { csrfToken: string };
    const form = new URLSearchParams({ email, password, csrfToken, json: "true", callbackUrl: this.baseUrl });
    const reqHeaders: Record<string, string> = { ...this.options.headers, "content-type": "application/x-www-form-urlencoded", cookie: this.cookieHeader(), ...headers };
    const response = await send(`${this.baseUrl}/api/auth/callback/credentials`, { method: "POST", headers: reqHeaders, body: form.toString() }, this.options.localAddress);
    const setCookies = response.headers.getSetCookie();
    this.keep(response.headers);
    const { text } = response;
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
    return { status: response.status, headers: response.headers, setCookies, body };
  }

  /** Signs out as the sign-out button does: CSRF token, then next-auth's sign-out post. */
  async signOut(): Promise<Reply> {
    const { csrfToken } = (await this.get("/api/auth/csrf")).body as { csrfToken: string };
    return this.request("POST", "/api/auth/signout", {
      body: new URLSearchParams({ csrfToken, callbackUrl: "/sign-in", json: "true" }).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
  }

  hasSession(): boolean {
    return [...this.cookies.keys()].some((name) => name.endsWith("next-auth.session-token"));
  }
}

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}

/** A signed-in client for a new account that took the sample (default) deck, which the suites study. */
export async function signedInClient(baseUrl: string, prefix: string): Promise<{ client: Client; email: string }> {
  const client = new Client(baseUrl);
  const email = uniqueEmail(prefix);
  await client.signUp(email);
  if (!client.hasSession()) throw new Error("sign-in gave no session cookie");
  const taken = await client.post("/api/sample-deck");
  if (taken.status !== 200) throw new Error(`taking the sample deck failed: ${taken.status} ${taken.text}`);
  return { client, email };
}
