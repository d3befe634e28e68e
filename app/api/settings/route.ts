import { json, readJson, route } from "@/lib/api/route";
import { requireApiUser } from "@/lib/auth/session";
import { db } from "@/lib/db/runtime/client";
import { SettingsSchema } from "@/lib/validation/settings";

const SETTINGS = {
  desiredRetention: true,
  dailyNewLimit: true,
  dailyReviewLimit: true,
  timeZone: true,
  learningSteps: true,
  relearningSteps: true,
  autoOptimise: true,
} as const;

export const GET = route(async () => {
  const { desiredRetention, dailyNewLimit, dailyReviewLimit, timeZone, learningSteps, relearningSteps, autoOptimise } = await requireApiUser();
  return json({ desiredRetention, dailyNewLimit, dailyReviewLimit, timeZone, learningSteps, relearningSteps, autoOptimise });
});

export const PATCH = route(async (request) => {
  const user = await requireApiUser();
  const changes = await readJson(request, SettingsSchema);
  return json(await db().user.update({ where: { id: user.id }, data: changes, select: SETTINGS }));
});
