import { ImportForm } from "@/components/documents/import-form";
import { requirePageUser } from "@/lib/auth/session";

export const metadata = { title: "Add document" };

export default async function NewDocumentPage() {
  await requirePageUser("/documents/new");
  return (
    <div className="stack">
      <div>
        <h1>Add a document</h1>
        <p className="muted">Keypoint reads its title, summary, key points and sections, and turns them into cards you can review and quiz.</p>
      </div>
      <ImportForm />
    </div>
  );
}
