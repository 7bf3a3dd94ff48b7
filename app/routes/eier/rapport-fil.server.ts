import type { RouterContextProvider } from "react-router";
import { z } from "zod";
import { maalformKontekst } from "#app/kontekst.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { ikkeFunnet } from "#app/auth/tilgang.ts";
import { eierRapportFil } from "#app/domain/eier/rapport.server.ts";
import { eierFraKontekst } from "./eier.server.ts";

const barnehageParam = z.string().min(1).max(100).nullable();

/** The report the CSV and PDF routes send: for all, or for `?barnehage=<id>` (one of the owner's). */
export async function rapportForFil(request: Request, context: Readonly<RouterContextProvider>) {
  const { aktor, medlemskap } = eierFraKontekst(context);
  const sp = context.get(maalformKontekst);
  const param = barnehageParam.safeParse(new URL(request.url).searchParams.get("barnehage"));
  if (!param.success) throw ikkeFunnet();
  const rapport = await eierRapportFil(aktor, medlemskap, tjenester(), sp, param.data);
  return { rapport, sp };
}

export const FIL_HODER = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" } as const;
