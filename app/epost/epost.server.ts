import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { randomBytes } from "node:crypto";
import type { Transporter } from "nodemailer";
import { logg } from "#app/logg.server.ts";

/** One outgoing mail: plain text always, with a simple HTML version beside it. */
export type Epost = { til: string; emne: string; tekst: string; html: string };

/** Sends mail. Auth and the use cases get it passed in, so tests can use a real or a fake one. */
export type EpostSender = { send(epost: Epost): Promise<void> };

export type EpostKonfig = {
  /** smtp://… or smtps://…; unset: development mode (.eml files in `mappe`). */
  smtpUrl?: string;
  fra: string;
  /** Folder for .eml files in development mode (DATA_DIR/epost). */
  mappe: string;
};

/**
 * The one mail sender, built on nodemailer. With SMTP_URL it talks SMTP; without it, each mail is
 * written as an .eml file a developer can open in any mail program. The log names the file or the
 * message id, never an address, a name or a link (links carry tokens).
 */
export function lagEpostSender(k: EpostKonfig): EpostSender {
  // nodemailer is loaded at the first mail, not at start (issue 16): most processes send none.
  let transport: Promise<Transporter> | undefined;
  const hentTransport = () =>
    (transport ??= import("nodemailer").then(({ default: nodemailer }) =>
      k.smtpUrl ? nodemailer.createTransport(k.smtpUrl) : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" }),
    ));
  if (k.smtpUrl) {
    return {
      async send(e) {
        const info = await (await hentTransport()).sendMail({ from: k.fra, to: e.til, subject: e.emne, text: e.tekst, html: e.html });
        logg.info("epost_sendt", { meldingId: info.messageId });
      },
    };
  }
  return {
    async send(e) {
      const info = await (await hentTransport()).sendMail({ from: k.fra, to: e.til, subject: e.emne, text: e.tekst, html: e.html });
      await mkdir(k.mappe, { recursive: true });
      const fil = `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomBytes(4).toString("hex")}.eml`;
      await writeFile(path.join(k.mappe, fil), info.message as Buffer, { mode: 0o600 });
      logg.info("epost_lagret_som_fil", { fil: path.join(k.mappe, fil) });
    },
  };
}
