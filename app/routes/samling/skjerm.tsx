import { data } from "react-router";
import type { Route } from "./+types/skjerm";
import type { SideHandle } from "#app/root.tsx";
import { maalformKontekst } from "#app/kontekst.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { Storskjerm } from "#app/components/samling-steg.tsx";
import { useFolgSamling } from "#app/components/folg-samling.ts";
import { useT } from "#app/components/use-t.ts";
import { SKJERMLENKE, skjermVisning } from "#app/domain/samling/rom.server.ts";
import { gjettegrense } from "#app/domain/konto/grense.server.ts";
import { ikkeFunnet } from "#app/auth/tilgang.ts";
import { KLIENT_IP_HODE } from "../../../server/klient-ip.ts";

/** A presentation: no site chrome (root.tsx). */
export const handle: SideHandle = { presentasjon: true };

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData ? `${loaderData.modulTittel} – storskjerm – Samla` : "Samla" }, { name: "robots", content: "noindex" }];
}

/**
 * The projector through its screen link (ADR 0026): the meeting-room PC opens the projector
 * view without anyone signing in there. The secret in the URL is the only credential and opens
 * nothing but what the projector shows; it stops working when the samling is held or the leader
 * revokes it. Wrong links are counted per IP like every other guessable secret (ADR 0022).
 */
export async function loader({ params, request, context }: Route.LoaderArgs) {
  const sp = context.get(maalformKontekst);
  const t = tjenester();
  const grense = gjettegrense(t.db, t.auth.options.secret, SKJERMLENKE, { ip: request.headers.get(KLIENT_IP_HODE) });
  if (await grense.foer()) throw data(null, { status: 429 });
  const d = await skjermVisning(params.hemmelighet, sp, t, t.env.BASE_URL);
  if (!d) {
    await grense.feil();
    throw ikkeFunnet();
  }
  return data(d, { headers: { "Referrer-Policy": "no-referrer" } });
}

/** A dead link on the big screen: still a presentation, no site chrome, no menu to click. */
export function ErrorBoundary() {
  const t = useT();
  return (
    <main id="hovedinnhold" className="projektor" data-type="ugyldig">
      <title>{`${t("rom.skjermUgyldig")} – Samla`}</title>
      <div className="projektor__topp">
        <p className="projektor__modul">Samla</p>
      </div>
      <div className="projektor__midt">
        <div className="projektor__innhold">
          <h1 className="projektor__tittel">{t("rom.skjermUgyldig")}</h1>
          <p className="projektor__ingress">{t("rom.skjermUgyldigTekst")}</p>
        </div>
      </div>
      <div className="projektor__bunn" />
    </main>
  );
}

export default function Skjerm({ loaderData: d }: Route.ComponentProps) {
  // An open ståsted round: its count of answers is not in the version, so reload every 10 s too.
  useFolgSamling(d.liveUrl, d.liveEtag, 1000, d.stasted?.apen ? 10_000 : undefined);
  return <Storskjerm d={d} />;
}
