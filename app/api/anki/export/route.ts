import { z } from "zod";
import { route } from "@/lib/api/route";
import { readQuery } from "@/lib/api/query";
import { requireApiUser } from "@/lib/auth/session";
import { exportAnkiPackage } from "@/lib/db/anki/export-package";
import { db } from "@/lib/db/runtime/client";
import { now } from "@/lib/time/clock";
import { IdSchema } from "@/lib/validation/ids";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const ExportQuery = z.object({
  document: IdSchema.optional(),
  history: z.enum(["0", "1"]).default("0"),
});

/** GET ?document=<id>&history=1: an Anki package of one deck (or of all the user's decks), with or without scheduling and history. */
export const GET = route(async (request) => {
  const user = await requireApiUser();
  const query = readQuery(request, ExportQuery);
  const result = await exportAnkiPackage(db(), user.id, { documentId: query.document, withScheduling: query.history === "1" }, now());
  return new Response(result.bytes as Uint8Array<ArrayBuffer>, {
    headers: {
      "Content-Type": "application/apkg",
      "Content-Disposition": `attachment; filename="${result.fileName}"`,
      "Cache-Control": "no-store",
    },
  });
});
