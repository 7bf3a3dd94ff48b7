import { createHmac } from "node:crypto";

/**
 * A TOTP code (RFC 6238: HMAC-SHA1, 30 seconds, 6 digits), made the way an authenticator app
 * makes it from the key Samla shows as text. For tests only; the app itself verifies codes with
 * Better Auth. No dependency: node:crypto is enough.
 */
export function totpKode(nokkel: string, tid = Date.now()): string {
  const teller = Buffer.alloc(8);
  teller.writeBigUInt64BE(BigInt(Math.floor(tid / 1000 / 30)));
  const h = createHmac("sha1", fraBase32(nokkel)).update(teller).digest();
  const start = h[h.length - 1]! & 0x0f;
  return String((h.readUInt32BE(start) & 0x7fffffff) % 1_000_000).padStart(6, "0");
}

/**
 * A code to submit, as a person with the app would: Samla takes each code only once (a later time
 * step than the last accepted one, ADR 0013), so this remembers, per key and in this process, the
 * last step it handed out and gives the code of the next unused step the server accepts (the step
 * before now, now, the step after). When all of them are used it waits for the clock, as a
 * person waits for the app's next code. Use `totpKode` for a code that is not meant to work.
 */
const sisteSteg = new Map<string, number>();
const normaliser = (nokkel: string) => nokkel.replace(/\s+/g, "").toUpperCase();

/** The last step `nyTotpKode` handed out for this key in this process, if any. */
export function sisteBrukteSteg(nokkel: string): number | undefined {
  return sisteSteg.get(normaliser(nokkel));
}

/** Tells a new process which step another process already used, so it never hands it out again. */
export function merkBrukt(nokkel: string, steg: number): void {
  const n = normaliser(nokkel);
  sisteSteg.set(n, Math.max(steg, sisteSteg.get(n) ?? -Infinity));
}
export async function nyTotpKode(nokkel: string): Promise<string> {
  const n = nokkel.replace(/\s+/g, "").toUpperCase();
  for (;;) {
    const tid = Date.now();
    const naa = Math.floor(tid / 1000 / 30);
    // The step before now only while more than 3 s of this step remain (it expires with it).
    const tidligst = tid % 30_000 < 27_000 ? naa - 1 : naa;
    const steg = Math.max(tidligst, (sisteSteg.get(n) ?? -Infinity) + 1);
    if (steg <= naa + 1) {
      sisteSteg.set(n, steg);
      return totpKode(n, steg * 30_000);
    }
    await new Promise((r) => setTimeout(r, 30_000 - (tid % 30_000) + 50));
  }
}

/** RFC 4648 base32 (spaces and padding ignored) to bytes. */
function fraBase32(tekst: string): Buffer {
  const alfabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  const ren = tekst.replace(/[\s=]+/g, "").toUpperCase();
  const ut: number[] = [];
  let biter = 0;
  let verdi = 0;
  for (const tegn of ren) {
    const i = alfabet.indexOf(tegn);
    if (i < 0) throw new Error(`Ikke base32: ${tegn}`);
    verdi = ((verdi << 5) | i) & 0xffff;
    biter += 5;
    if (biter >= 8) {
      ut.push((verdi >>> (biter - 8)) & 0xff);
      biter -= 8;
    }
  }
  return Buffer.from(ut);
}
