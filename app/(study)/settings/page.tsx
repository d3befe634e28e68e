import { AnkiImport } from "@/components/settings/anki-import";
import { SettingsForm } from "@/components/settings/settings-form";
import { requirePageUser } from "@/lib/auth/session";
import { importView, recentImports } from "@/lib/db/anki/imports";
import { db } from "@/lib/db/runtime/client";
import { now } from "@/lib/time/clock";

export const metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requirePageUser("/settings");
  const [latest] = await recentImports(db(), user.id, now());
  return (
    <div className="stack" style={{ maxWidth: 560 }}>
      <h1>Study settings</h1>
      <SettingsForm
        initial={{ desiredRetention: user.desiredRetention, dailyNewLimit: user.dailyNewLimit, dailyReviewLimit: user.dailyReviewLimit, timeZone: user.timeZone }}
        zones={Intl.supportedValuesOf("timeZone")}
      />
      <AnkiImport initial={latest ? importView(latest) : null} />
    </div>
  );
}
