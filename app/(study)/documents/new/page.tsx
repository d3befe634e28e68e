import { ImportForm } from "@/components/documents/import-form";
import { requirePageUser } from "@/lib/auth/session";
import { db } from "@/lib/db/runtime/client";
import { IdSchema } from "@/lib/validation/ids";

export const metadata = { title: "Add document" };

/** `?update=<id>`: a new version of one of the user's documents (from its page). */
export default async function NewDocumentPage({ searchParams }: { searchParams: Promise<{ update?: string | string[] }> }) {
  const { update } = await searchParams;
  const asked = IdSchema.safeParse(update);
  const user = await requirePageUser(asked.success ? `/documents/new?update=${asked.data}` : "/documents/new");
  const target = asked.success ? await db().document.findFirst({ where: { id: asked.data, ownerId: user.id, deletedAt: null }, select: { id: true, title: true } }) : null;
  return (
    <div className="stack">
      <div>
        <h1>{target ? `New version of “${target.title}”` : "Add a document"}</h1>
        <p className="muted">
          {target
            ? "Paste or upload the changed text: cards of facts still in it keep their history, new facts become cards, and cards of facts no longer in it are suspended."
            : "Keypoint reads its title, summary, key points and sections, and turns them into cards you can review and quiz."}
        </p>
      </div>
      <ImportForm updateOf={target?.id} />
    </div>
  );
}
