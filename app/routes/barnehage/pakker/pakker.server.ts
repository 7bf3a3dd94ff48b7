import type { RouterContextProvider } from "react-router";
import { ikkeFunnet, krev } from "#app/auth/tilgang.ts";
import { maalformKontekst } from "#app/kontekst.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { oversetter } from "#app/i18n/i18n.ts";
import { MAKS_GRUPPER, lederpakke, samlingspakke, type Pakke } from "#app/domain/utskrift/pakker.ts";
import { barnehageFraKontekst } from "../barnehage.server.ts";

export type PakkeType = "leder" | "samling";

/** Groups in the samling pack: ?grupper=1..8, default 4. */
export function antallGrupper(request: Request): number {
  const verdi = new URL(request.url).searchParams.get("grupper");
  if (verdi === null || verdi === "") return 4;
  if (!/^[1-9]$/.test(verdi) || Number(verdi) > MAKS_GRUPPER) throw ikkeFunnet();
  return Number(verdi);
}

/**
 * One print pack for one module: the leader pack needs les:lederstotte (it holds the facilitator
 * answers), the samling pack (handouts) is for every member who sees the samlinger.
 */
export function hentPakke(type: PakkeType, request: Request, context: Readonly<RouterContextProvider>, slug: string): { pakke: Pakke; barnehageId: string; slug: string; grupper: number } {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  krev(aktor, type === "leder" ? "skriv-ut:lederpakke" : "se:samlinger", medlemskap);
  const modul = tjenester().innhold.modulEtterSlug(slug);
  if (!modul) throw ikkeFunnet();
  const sp = context.get(maalformKontekst);
  const t = oversetter(sp);
  const grupper = type === "samling" ? antallGrupper(request) : 0;
  return { pakke: type === "leder" ? lederpakke(modul, sp, t) : samlingspakke(modul, sp, t, grupper), barnehageId: medlemskap.barnehageId, slug: modul.slug, grupper };
}
