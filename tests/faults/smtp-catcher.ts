// A local SMTP server that accepts every message and keeps it: enough SMTP for nodemailer
// (EHLO, MAIL, RCPT, DATA, QUIT), no TLS, no auth. For the password-reset mail tests.
import { createServer, type Server } from "node:net";

export interface CaughtMail {
  from: string;
  to: string[];
  data: string;
}

export interface SmtpCatcher {
  url: string;
  mails: CaughtMail[];
  close(): Promise<void>;
}

export async function smtpCatcher(): Promise<SmtpCatcher> {
  const mails: CaughtMail[] = [];
  const server: Server = createServer((socket) => {
    let buffer = "";
    let inData = false;
    let mail: CaughtMail = { from: "", to: [], data: "" };
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply("220 catcher ESMTP");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      for (;;) {
        if (inData) {
          const end = buffer.indexOf("\r\n.\r\n");
          if (end < 0) return;
          mail.data = buffer.slice(0, end).replace(/\r\n\.\./g, "\r\n.");
          buffer = buffer.slice(end + 5);
          inData = false;
          mails.push(mail);
          mail = { from: "", to: [], data: "" };
          reply("250 queued");
          continue;
        }
        const newline = buffer.indexOf("\r\n");
        if (newline < 0) return;
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO" || verb === "HELO") reply("250 catcher");
        else if (verb === "MAIL") (mail.from = line.slice(10).trim()), reply("250 ok");
        else if (verb === "RCPT") mail.to.push(line.slice(8).trim()), reply("250 ok");
        else if (verb === "DATA") (inData = true), reply("354 go ahead");
        else if (verb === "QUIT") reply("221 bye"), socket.end();
        else reply("250 ok");
      }
    });
    socket.on("error", () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The reset link in a caught mail's text (quoted-printable soft breaks undone). */
export function resetLinkIn(mail: CaughtMail): string | null {
  const text = mail.data.replace(/=\r\n/g, "").replace(/=3D/g, "=");
  return /https?:\/\/\S+\/reset-password\?token=[A-Za-z0-9_-]+/.exec(text)?.[0] ?? null;
}
