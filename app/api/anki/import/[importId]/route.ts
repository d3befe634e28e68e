import { json, parseWith, route } from "@/lib/api/route";
import { requireApiUser } from "@/lib/auth/session";
import { importStatus, importView } from "@/lib/db/anki/imports";
import { db } from "@/lib/db/runtime/client";
import { now } from "@/lib/time/clock";
import { IdSchema } from "@/lib/validation/ids";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** GET: one import's status and progress (restarting it if its run was cut off). */
export const GET = route(async (_request, { params }: { params: Promise<{ importId: string }> }) => {
  const user = await requireApiUser();
  const importId = parseWith(IdSchema, (await params).importId);
  return json({ import: importView(await importStatus(db(), user.id, importId, now())) });
});
