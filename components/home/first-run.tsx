import Link from "next/link";
import { TrySampleButton } from "./sample-deck-buttons";

/** A new account's home: no deck yet, two ways to start. */
export function FirstRun() {
  return (
    <section className="card stack first-run" data-testid="first-run">
      <h2>Start with a document of your own, or try a sample</h2>
      <p className="muted">
        Keypoint makes cards from what you give it. Paste some notes or upload a file, or try it first on a sample deck made from a
        podcast summary (you can put the sample away later; what you studied is kept).
      </p>
      <div className="row">
        <Link className="button primary" href="/documents/new">
          Add your first document
        </Link>
        <TrySampleButton />
      </div>
    </section>
  );
}
