import { Link } from "react-router";
import { Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/start";
import { aktorKontekst, maalformKontekst } from "#app/kontekst.ts";
import { krev } from "#app/auth/tilgang.ts";
import { startSide } from "./start.server.ts";
import { useT } from "#app/components/use-t.ts";
import { ModulListe } from "#app/components/modul-liste.tsx";
import { NesteStegListe } from "#app/components/neste-steg.tsx";
import { MinFremdrift } from "#app/components/min-fremdrift.tsx";

export function meta() {
  return [{ title: "Min side – Samla" }];
}

export async function loader({ context }: Route.LoaderArgs) {
  const aktor = context.get(aktorKontekst);
  krev(aktor, "se:min-side");
  // The same data the fast path reads (app/hurtigsti.server.ts, ADR 0033).
  return startSide(aktor!, context.get(maalformKontekst));
}

export default function Start({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const d = loaderData;
  return (
    <div className="smal">
      <Heading level={1} data-size="lg">
        {t("start.tittel", { navn: d.navn })}
      </Heading>
      <Paragraph>{t("start.ingress")}</Paragraph>
      <NesteStegListe steg={d.neste} moduler={d.modulNavn} />
      {d.fremdrift.length ? <MinFremdrift team={d.fremdrift} /> : null}
      {d.barnehager.length ? (
        <section aria-labelledby="mine-barnehager" className="blokk">
          <Heading level={2} data-size="sm" id="mine-barnehager">
            {t("start.barnehager")}
          </Heading>
          <ul>
            {d.barnehager.map((b) => (
              <li key={b.id}>
                <Link to={`/barnehage/${b.id}`}>{b.navn}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {/* Owners (ADR 0014): only shown to people who act for an owner; anyone may create one. */}
      {d.eiere.length ? (
        <section aria-labelledby="mine-eiere" className="blokk">
          <Heading level={2} data-size="sm" id="mine-eiere">
            {t("eier.mine")}
          </Heading>
          <ul>
            {d.eiere.map((e) => (
              <li key={e.id}>
                <Link to={`/eier/${e.id}`}>{e.navn}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <Heading level={2} data-size="sm">
        <Link to="/pakke">{t("start.fortsett")}</Link>
      </Heading>
      <ModulListe moduler={d.moduler} overskriftNivaa={3} />
      {/* Less common choices last: joining with a code, starting a barnehage or an owner. */}
      <section aria-labelledby="mer" className="blokk">
        <Heading level={2} data-size="sm" id="mer">
          {t("neste.mer")}
        </Heading>
        <ul>
          {d.barnehager.length ? (
            <li>
              <Link to="/bli-med">{t("start.bliMed")}</Link>
            </li>
          ) : null}
          <li>
            <Link to="/barnehage/ny">{t("start.opprett")}</Link>
          </li>
          <li>
            <Link to="/eier/ny">{t("eier.startLenke")}</Link>
          </li>
          <li>
            <Link to="/eier/bli-med">{t("eier.bliMedLenke")}</Link>
          </li>
        </ul>
      </section>
    </div>
  );
}
