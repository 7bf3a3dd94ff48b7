import type { Route } from "./+types/kode-lenke";
import { aktorKontekst } from "#app/kontekst.ts";
import { grenseFra } from "#app/domain/konto/grense.ts";
import { brukSamlingskode } from "./kode.server.ts";
import { KodeSide } from "./kode.tsx";

export function meta() {
  return [{ title: "Bli med på samlingen – Samla" }];
}

/**
 * /s/:kode: the address in the QR code on the big screen. Signed in (the layout sends others to
 * sign in first, with til= back here), a member lands on the samling's page; otherwise the code
 * form with the same «not found» for every wrong case.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  return brukSamlingskode(request, context.get(aktorKontekst), params.kode);
}

export default function KodeLenke({ loaderData }: Route.ComponentProps) {
  return <KodeSide feil={loaderData.feil} verdier={loaderData.verdier} grense={grenseFra(loaderData)} />;
}
