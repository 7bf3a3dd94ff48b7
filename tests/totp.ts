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
