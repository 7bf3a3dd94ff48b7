import type { RouterContextProvider } from "react-router";
import { aktorKontekst, barnehageKontekst } from "#app/kontekst.ts";

/** The actor and their membership, as the barnehage layout's middleware left them. */
export function barnehageFraKontekst(context: Readonly<RouterContextProvider>) {
  const aktor = context.get(aktorKontekst);
  const medlemskap = context.get(barnehageKontekst);
  if (!aktor || !medlemskap) throw new Response("Ikke funnet", { status: 404 });
  return { aktor, medlemskap };
}
