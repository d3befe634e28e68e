import nodemailer from "nodemailer";
import { RESET_LINK_MINUTES } from "./password-reset";

/** Sends a reset link by email through the configured SMTP server. */
export async function sendResetMail(mail: { smtpUrl: string; from: string }, to: string, link: string): Promise<void> {
  const transport = nodemailer.createTransport(mail.smtpUrl);
  try {
    await transport.sendMail({
      from: mail.from,
      to,
      subject: "Reset your Keypoint password",
      text: [
        "Someone (hopefully you) asked to reset the password of your Keypoint account.",
        "",
        `Choose a new password here (the link works once, for ${RESET_LINK_MINUTES} minutes):`,
        link,
        "",
        "If you did not ask, ignore this email: your password stays as it is.",
      ].join("\n"),
    });
  } finally {
    transport.close();
  }
}
