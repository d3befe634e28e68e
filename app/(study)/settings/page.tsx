import { AnkiImport } from "@/components/settings/anki-import";
import { MemoryModelPanel } from "@/components/settings/memory-model-panel";
import { RemovedDecks } from "@/components/settings/removed-decks";
import { SettingsForm } from "@/components/settings/settings-form";
import { requirePageUser } from "@/lib/auth/session";
import { importView, recentImports } from "@/lib/db/anki/imports";
import { removedDecks } from "@/lib/db/documents/remove-deck";
import { db } from "@/lib/db/runtime/client";
import { now } from "@/lib/time/clock";

export const metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requirePageUser("/settings");
  const [removed, [latest]] = await Promise.all([removedDecks(db(), user.id, now()), recentImports(db(), user.id, now())]);
  return (
    <div className="stack" style={{ maxWidth: 760 }}>
      <h1>Study settings</h1>
      <SettingsForm
        initial={{
          desiredRetention: user.desiredRetention,
          dailyNewLimit: user.dailyNewLimit,
          dailyReviewLimit: user.dailyReviewLimit,
          timeZone: user.timeZone,
          learningSteps: user.learningSteps,
          relearningSteps: user.relearningSteps,
          autoOptimise: user.autoOptimise,
        }}
        zones={Intl.supportedValuesOf("timeZone")}
      />
      <MemoryModelPanel />
      <RemovedDecks decks={removed} />
      <AnkiImport initial={latest ? importView(latest) : null} />
    </div>
  );
}
