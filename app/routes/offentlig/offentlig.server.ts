import type { RouterContextProvider } from "react-router";
import { maalformKontekst } from "#app/kontekst.ts";
import { tjenester } from "#app/tjenester.server.ts";

/**
 * Public content pages are the same for every anonymous reader in one målform, so the server may
 * keep the rendered page (compressed once) per content version and målform. Routes say so with
 * this header; server/sidebuffer.ts reads it, strips it, and never caches signed-in responses.
 */
export const offentligSideHoder = { "X-Samla-Sidebuffer": "offentlig", "Cache-Control": "no-cache" };

export function offentligInnhold(context: Readonly<RouterContextProvider>) {
  return { innhold: tjenester().innhold, maalform: context.get(maalformKontekst) };
}
