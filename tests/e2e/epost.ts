import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";

/**
 * Waits for a mail to `til` (optionally with a given subject) in the folder the test SMTP server
 * writes to, and returns it parsed with its first link.
 */
export async function ventPaaEpost(til: string, emne?: string, ms = 15_000): Promise<ParsedMail & { lenke: string }> {
  const mappe = process.env.E2E_EPOST_MAPPE!;
  const lest = new Map<string, ParsedMail>();
  const slutt = Date.now() + ms;
  while (Date.now() < slutt) {
    for (const fil of readdirSync(mappe).filter((f) => f.endsWith(".eml")).sort()) {
      if (!lest.has(fil)) lest.set(fil, await simpleParser(readFileSync(path.join(mappe, fil))));
      const m = lest.get(fil)!;
      const mottakere = (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).flatMap((a) => a.value.map((v) => v.address?.toLowerCase()));
      if (mottakere.includes(til.toLowerCase()) && (!emne || m.subject === emne)) {
        const lenke = /https?:\/\/\S+/.exec(m.text ?? "")?.[0];
        if (!lenke) throw new Error("E-posten har ingen lenke");
        return Object.assign(m, { lenke });
      }
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Ingen e-post${emne ? ` «${emne}»` : ""} kom fram innen ${ms} ms`);
}
