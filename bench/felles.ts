import { totpKode } from "../tests/totp.ts";

/**
 * Shared by the benchmarks: switch on two-factor sign-in through the app's own forms (ADR 0013),
 * as a styrer or eier must before their pages answer. Returns the cookie header to use afterwards
 * (the session may be renewed when two-factor is switched on).
 */
export async function slaaPaaTofaktor(base: string, cookie: string, passord: string): Promise<string> {
  let kake = cookie;
  const taVarePa = (r: Response) => {
    const nye = new Map(kake.split("; ").filter(Boolean).map((c) => [c.split("=")[0], c] as const));
    for (const c of r.headers.getSetCookie()) nye.set(c.split("=")[0]!, c.split(";")[0]!);
    kake = [...nye.values()].join("; ");
  };
  const skjema = async (form: Record<string, string>) => {
    const r = await fetch(`${base}/profil/tofaktor`, {
      method: "POST",
      headers: { Origin: base, Cookie: kake, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(form),
      redirect: "manual",
    });
    taVarePa(r);
    return r;
  };
  await skjema({ intent: "start", passord });
  const side = await (await fetch(`${base}/profil/tofaktor`, { headers: { Cookie: kake } })).text();
  const nokkel = /data-tofaktor-nokkel="true">([A-Z2-7 ]+)</.exec(side)?.[1];
  if (!nokkel) throw new Error("Fant ikke nøkkelen for totrinnsinnlogging");
  if ((await skjema({ intent: "bekreft", kode: totpKode(nokkel) })).status !== 200) throw new Error("Fikk ikke slått på totrinnsinnlogging");
  return kake;
}
