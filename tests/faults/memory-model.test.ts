// An optimisation cut off by SIGKILL: the old parameters stay in force, and the restarted
// `next start` notices the job's stale heartbeat and runs it again to the end; adopting then
// recomputes the cards' memory. The optimizer's worker process is started by the built app.
import { expect, it } from "vitest";
import { openBulkWriter } from "../../bench/bulk-writer";
import { loadLearner } from "../../bench/synthetic-learner";
import { hashPassword } from "../../lib/auth/password";
import { PASSWORD, Client, seededAppServer, sleep } from "./app-server";

const app = seededAppServer("faults_memory_model");

type Status = {
  isDefault: boolean;
  active: { id: string; kind: string; progress: number } | null;
  lastOptimisation: { id: string; status: string; result: { better: boolean; message: string } | null } | null;
  lastRecompute: { status: string; message: string | null } | null;
};

async function status(client: Client): Promise<Status> {
  const reply = await client.get("/api/memory-model");
  expect(reply.status).toBe(200);
  return reply.body as Status;
}

async function until(client: Client, done: (s: Status) => boolean, what: string): Promise<Status> {
  for (let i = 0; i < 600; i++) {
    const current = await status(client).catch(() => null);
    if (current && done(current)) return current;
    await sleep(250);
  }
  throw new Error(`timed out waiting for ${what}`);
}

it("runs a killed optimisation again after the restart, adopting nothing half-done", async () => {
  const writer = await openBulkWriter(app.target);
  await loadLearner(writer, { tag: "fmm", email: "learner@faults.test", passwordHash: await hashPassword(PASSWORD), cards: 500, days: 240, newPerDay: 6, seed: 5, now: new Date() });
  await writer.close();
  const client = new Client(app.server.url);
  await client.signIn("learner@faults.test");
  expect((await client.get("/api/settings")).status).toBe(200);

  expect((await client.post("/api/memory-model/optimise")).status).toBe(202);
  expect((await client.post("/api/memory-model/optimise")).status).toBe(409);
  const running = await status(client);
  expect(running.active?.kind).toBe("OPTIMISE");
  await app.server.kill();
  const user = await app.db.user.findUniqueOrThrow({ where: { email: "learner@faults.test" } });
  expect(user.fsrsParams).toBeNull();
  expect((await app.db.memoryModelJob.findUniqueOrThrow({ where: { id: running.active!.id } })).status).toBe("RUNNING");

  await app.server.start();
  const done = await until(client, (s) => s.active === null && s.lastOptimisation?.status === "DONE", "the optimisation run again");
  expect(done.lastOptimisation!.id).toBe(running.active!.id);
  expect(done.lastOptimisation!.result!.better).toBe(true);
  expect(done.isDefault).toBe(true);

  const adopt = await client.post("/api/memory-model/parameters", { from: "optimisation", jobId: done.lastOptimisation!.id, reschedule: false });
  expect(adopt.status).toBe(202);
  const applied = await until(client, (s) => s.active === null && s.lastRecompute?.status === "DONE", "the recompute");
  expect(applied.isDefault).toBe(false);
  expect(applied.lastRecompute!.message).toMatch(/due dates stay as they were/);
});
