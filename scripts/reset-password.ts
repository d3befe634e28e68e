// `npm run reset-password -- ada@example.com`: prints a one-time link that sets a new password
// for that account, valid for 30 minutes. For whoever runs Keypoint, when a user is locked out
// and no SMTP server is configured (KEYPOINT_SMTP_URL) for "Forgot password".
import { loadEnv } from "../lib/config/env";
import { issuePasswordReset, resetLink, RESET_LINK_MINUTES } from "../lib/auth/password-reset";
import { createDb } from "../lib/db/runtime/client";
import { applyMigrations } from "../lib/db/ops/migrate";
import { EmailSchema } from "../lib/validation/account";

async function main(): Promise<number> {
  const given = process.argv[2];
  const email = EmailSchema.safeParse(given);
  if (!given || !email.success) {
    console.error(given ? `"${given}" is not an email address.` : "Usage: npm run reset-password -- <email of the account>");
    return 2;
  }
  const env = loadEnv();
  await applyMigrations(env.database);
  const db = createDb(env.database);
  try {
    const issued = await issuePasswordReset(db, email.data, new Date());
    if (!issued) {
      console.error(`No account uses ${email.data}.`);
      return 1;
    }
    console.log(`Send this link to ${email.data}. It sets a new password, works once and expires in ${RESET_LINK_MINUTES} minutes (${issued.expiresAt.toISOString()}):`);
    console.log(resetLink(env.baseUrl, issued.token));
    return 0;
  } finally {
    await db.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`Could not make a reset link: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
