import { z } from "zod";
import { notFound } from "@/lib/api/errors";
import { json, readJson, route } from "@/lib/api/route";
import { appEnv } from "@/lib/config/env";
import { now, setClockOffset } from "@/lib/time/clock";

const ClockSchema = z.object({ offsetMs: z.number().int().min(0).max(10 * 365 * 86_400_000) });

/** End-to-end tests move the server's clock ("come back tomorrow"). Absent unless KEYPOINT_TEST_HOOKS=1. */
export const POST = route(async (request) => {
  if (!appEnv().testHooks) throw notFound("Page");
  const { offsetMs } = await readJson(request, ClockSchema);
  setClockOffset(offsetMs);
  return json({ now: now() });
});
