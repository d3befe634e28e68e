import { json, route } from "@/lib/api/route";
import { readUpload } from "@/lib/api/read-upload";
import { PACKAGE_LIMITS } from "@/lib/anki/package-file";
import { requireApiUser } from "@/lib/auth/session";
import { importView, recentImports, startImport } from "@/lib/db/anki/imports";
import { db } from "@/lib/db/runtime/client";
import { now } from "@/lib/time/clock";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** POST: an .apkg or .colpkg as multipart/form-data (field `file`); the import runs in the background. */
export const POST = route(async (request) => {
  const user = await requireApiUser();
  const upload = await readUpload(request, PACKAGE_LIMITS.maxPackageBytes);
  const job = await startImport(db(), user.id, upload, now());
  return json({ import: importView(job) }, 202);
});

/** GET: the user's recent imports, newest first. */
export const GET = route(async () => {
  const user = await requireApiUser();
  return json({ imports: (await recentImports(db(), user.id, now())).map(importView) });
});
