import type { RouterContextProvider } from "react-router";
import { aktorKontekst, eierKontekst } from "#app/kontekst.ts";
import { ikkeFunnet } from "#app/auth/tilgang.ts";

/** The actor and their owner membership, as the owner layout's middleware left them. */
export function eierFraKontekst(context: Readonly<RouterContextProvider>) {
  const aktor = context.get(aktorKontekst);
  const medlemskap = context.get(eierKontekst);
  if (!aktor || !medlemskap) throw ikkeFunnet();
  return { aktor, medlemskap };
}
