import { useEffect } from "react";
import { Link, useRevalidator } from "react-router";
import { Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/invitasjon-vis";
import { tjenester } from "#app/tjenester.server.ts";
import { useMaalform, useT } from "#app/components/use-t.ts";
import { KopierKnapp } from "#app/components/kopier-knapp.tsx";
import { personalinvitasjon } from "#app/domain/barnehage/invitasjon.server.ts";
import { qrSvg } from "#app/domain/barnehage/qr.server.ts";
import { formaterDato, oversetter } from "#app/i18n/i18n.ts";
import { maalformKontekst } from "#app/kontekst.ts";
import { barnehageFraKontekst } from "./barnehage.server.ts";

export function meta() {
  return [{ title: "Bli med – storskjerm – Samla" }];
}

/**
 * The staff invitation on the projector (issue 15, point 1; ADR 0029): the QR code and the code
 * large enough to read from the back of a staff room at 1920×1080, the short address to type, and
 * how many have joined (refreshed every ten seconds with JavaScript). Only the styrer opens it.
 */
export async function loader({ params, context }: Route.LoaderArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  const inv = await personalinvitasjon(aktor, medlemskap, params.invitasjonId, tjenester());
  const base = new URL(tjenester().env.BASE_URL);
  const lenke = inv.kode ? new URL(`/bli-med?kode=${inv.kode}`, base).toString() : null;
  return {
    barnehageId: medlemskap.barnehageId,
    barnehage: medlemskap.barnehageNavn,
    kode: inv.kode,
    lenke,
    // What people type: the host and path without the scheme, e.g. «samla.no/bli-med».
    adresse: `${base.host}/bli-med`,
    qr: lenke ? await qrSvg(lenke, oversetter(context.get(maalformKontekst))("invitasjon.qrEtikett")) : null,
    antallBrukt: inv.antallBrukt,
    maksBruk: inv.maksBruk,
    utloper: inv.utloper,
  };
}

export default function InvitasjonVis({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const maalform = useMaalform();
  const revalidator = useRevalidator();
  useEffect(() => {
    const id = setInterval(() => revalidator.revalidate(), 10_000);
    return () => clearInterval(id);
  }, [revalidator]);
  return (
    <div className="storskjerm-invitasjon">
      <h1 className="storskjerm-invitasjon__tittel">{t("invitasjon.vis.tittel", { barnehage: d.barnehage })}</h1>
      {d.kode && d.qr ? (
        <div className="storskjerm-invitasjon__innhold">
          {/* Made by qrSvg on the server from our own link; it carries role="img" and its label. */}
          <div className="storskjerm-invitasjon__qr" data-storskjerm-qr dangerouslySetInnerHTML={{ __html: d.qr }} />
          <div className="storskjerm-invitasjon__tekst">
            <p>{t("invitasjon.vis.skann")}</p>
            <p>{t("invitasjon.vis.skriv", { adresse: d.adresse })}</p>
            <p className="storskjerm-invitasjon__kode" data-storskjerm-kode aria-label={d.kode.split("").join(" ")}>
              {d.kode.slice(0, 4)}
              <span aria-hidden="true"> </span>
              {d.kode.slice(4)}
            </p>
            <p className="storskjerm-invitasjon__tall" aria-live="polite" data-storskjerm-antall>
              {t("invitasjon.personal.brukt", { antall: String(d.antallBrukt), maks: String(d.maksBruk) })}
            </p>
            <p className="storskjerm-invitasjon__frist">{t("invitasjon.utloper", { dato: formaterDato(d.utloper, maalform) })}</p>
          </div>
        </div>
      ) : (
        <Paragraph data-size="lg">{t("invitasjon.vis.ikkeAktiv")}</Paragraph>
      )}
      <Paragraph data-size="sm" className="ikke-utskrift storskjerm-invitasjon__tilbake">
        <Link to={`/barnehage/${d.barnehageId}/invitasjoner`}>{t("invitasjon.vis.tilbake")}</Link>
        {d.lenke ? (
          <>
            {" · "}
            <code className="invitasjon__lenke">{d.lenke}</code> <KopierKnapp tekst={d.lenke} />
          </>
        ) : null}
      </Paragraph>
    </div>
  );
}
