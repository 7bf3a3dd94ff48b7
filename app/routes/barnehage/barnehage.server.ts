import type { RouterContextProvider } from "react-router";
import { aktorKontekst, barnehageKontekst } from "#app/kontekst.ts";
import { ikkeFunnet } from "#app/auth/tilgang.ts";

/** The actor and their membership, as the barnehage layout's middleware left them. */
export function barnehageFraKontekst(context: Readonly<RouterContextProvider>) {
  const aktor = context.get(aktorKontekst);
  const medlemskap = context.get(barnehageKontekst);
  if (!aktor || !medlemskap) throw ikkeFunnet();
  return { aktor, medlemskap };
}
