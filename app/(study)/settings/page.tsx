import { MemoryModelPanel } from "@/components/settings/memory-model-panel";
import { SettingsForm } from "@/components/settings/settings-form";
import { requirePageUser } from "@/lib/auth/session";

export const metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requirePageUser("/settings");
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
    </div>
  );
}
