import { SettingsForm } from "@/components/settings/settings-form";
import { requirePageUser } from "@/lib/auth/session";

export const metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requirePageUser("/settings");
  return (
    <div className="stack" style={{ maxWidth: 560 }}>
      <h1>Study settings</h1>
      <SettingsForm
        initial={{ desiredRetention: user.desiredRetention, dailyNewLimit: user.dailyNewLimit, dailyReviewLimit: user.dailyReviewLimit, timeZone: user.timeZone }}
        zones={Intl.supportedValuesOf("timeZone")}
      />
    </div>
  );
}
