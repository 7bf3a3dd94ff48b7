import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";
import type { AddressInfo } from "node:net";

/**
 * A real SMTP server for tests (smtp-server from the nodemailer project): no TLS, no login, every
 * message kept in memory and parsed. Tests only; the app never imports it.
 */
export type Postkasse = {
  port: number;
  meldinger: ParsedMail[];
  /** Waits for the first mail to `til` that `filter` accepts (new mails keep arriving). */
  vent(til: string, filter?: (m: ParsedMail) => boolean, ms?: number): Promise<ParsedMail>;
  stopp(): Promise<void>;
};

export async function startPostkasse(port = 0, vedMelding?: (rå: Buffer) => void): Promise<Postkasse> {
  const meldinger: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(strom, _sesjon, ferdig) {
      const biter: Buffer[] = [];
      strom.on("data", (b: Buffer) => biter.push(b));
      strom.on("end", () => {
        const raa = Buffer.concat(biter);
        vedMelding?.(raa);
        simpleParser(raa).then(
          (m) => (meldinger.push(m), ferdig()),
          (e: Error) => ferdig(e),
        );
      });
    },
  });
  await new Promise<void>((ok, feil) => {
    server.once("error", feil);
    server.listen(port, "127.0.0.1", () => ok());
  });
  const tilAdresse = (m: ParsedMail) =>
    (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).flatMap((a) => a.value.map((v) => v.address?.toLowerCase()));
  return {
    port: (server.server.address() as AddressInfo).port,
    meldinger,
    async vent(til, filter = () => true, ms = 10_000) {
      const slutt = Date.now() + ms;
      while (Date.now() < slutt) {
        const treff = meldinger.find((m) => tilAdresse(m).includes(til.toLowerCase()) && filter(m));
        if (treff) return treff;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`Ingen e-post kom fram innen ${ms} ms`);
    },
    stopp: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

/** The first http(s) link in a mail's plain text. */
export function lenkeI(m: ParsedMail): string {
  const treff = /https?:\/\/\S+/.exec(m.text ?? "");
  if (!treff) throw new Error("Ingen lenke i e-posten");
  return treff[0];
}
