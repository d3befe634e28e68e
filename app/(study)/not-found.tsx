import { NotFoundNotice } from "@/components/ui/not-found-notice";
import { currentUser } from "@/lib/auth/session";

/** A deck or quiz that is gone or not yours, inside the study layout (its header stays). */
export default async function StudyNotFound() {
  return <NotFoundNotice signedIn={Boolean(await currentUser())} />;
}
