import type { ReactNode } from "react";
import { Link } from "react-router";
import { Heading, Paragraph } from "@digdir/designsystemet-react";
import { useMaalform, useT } from "./use-t.ts";
import { ModulKropp } from "./innhold.tsx";
import type { Blokk, Seksjon } from "#app/domain/innhold/markdown.server.ts";
import type { ModulMeta } from "#app/domain/innhold/innhold.schema.ts";
import type { Endring, FilmVisning, ModulKort, Nyhet } from "#app/domain/innhold/visning.ts";
import { formaterDato } from "#app/i18n/i18n.ts";

export type ModulVisningData = {
  modul: ModulMeta;
  innledning: Blokk[];
  seksjoner: Seksjon[];
  filmer: Record<string, FilmVisning>;
  forrige: ModulKort | null;
  neste: ModulKort | null;
  endringer: Endring[];
};

/**
 * A module as readers see it: the public page, and the editor's preview (with the band above), so
 * the preview is exactly what readers will get (ADR 0034).
 */
export function ModulVisning({ d, over, lenker = true }: { d: ModulVisningData; over?: ReactNode; lenker?: boolean }) {
  const t = useT();
  const maalform = useMaalform();
  return (
    <article className="lesebredde">
      {over}
      <Paragraph data-size="sm" className="dempet">
        <Link to="/pakke">{t("modul.tilbake")}</Link> · {t("pakke.modul", { nummer: d.modul.nummer })}
      </Paragraph>
      <Heading level={1} data-size="xl">
        {d.modul.tittel}
      </Heading>
      <Paragraph data-size="lg">{d.modul.ingress}</Paragraph>
      <Paragraph data-size="sm" className="dempet">
        {t("pakke.sistEndret", { dato: formaterDato(d.modul.sistEndret, maalform) })} · {t("pakke.tidsbruk")}:{" "}
        {d.modul.tidsbruk}
      </Paragraph>
      <div className="ramme">
        <Heading level={2} data-size="xs">
          {t("modul.mal")}
        </Heading>
        <ul>
          {d.modul.mal.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      </div>
      {d.endringer.length ? <HvaErNytt endringer={d.endringer} /> : null}
      <ModulKropp innledning={d.innledning} seksjoner={d.seksjoner} filmer={d.filmer} />
      {lenker ? (
        <nav aria-label={`${t("modul.forrige")} / ${t("modul.neste")}`} className="bla">
          {d.forrige ? (
            <Link to={`/moduler/${d.forrige.slug}`} rel="prev">
              ← {t("modul.forrige")}: {d.forrige.tittel}
            </Link>
          ) : (
            <span />
          )}
          {d.neste ? (
            <Link to={`/moduler/${d.neste.slug}`} rel="next">
              {t("modul.neste")}: {d.neste.tittel} →
            </Link>
          ) : null}
        </nav>
      ) : null}
    </article>
  );
}

/** «Hva er nytt»: each edition's change note, newest first, with its date and a legal-correction mark. */
export function HvaErNytt({ endringer, nivaa = 2 }: { endringer: Endring[]; nivaa?: 2 | 3 }) {
  const t = useT();
  const maalform = useMaalform();
  return (
    <section aria-labelledby="hva-er-nytt" className="ramme">
      <Heading level={nivaa} id="hva-er-nytt" data-size="xs">
        {t("utgave.hvaErNytt")}
      </Heading>
      <ul>
        {endringer.map((e) => (
          <li key={e.utgave}>
            <strong>
              {t("utgave.utgaveDato", { utgave: e.utgave, dato: formaterDato(e.dato, maalform) })}
              {e.juridisk ? ` (${t("utgave.juridisk")})` : ""}:
            </strong>{" "}
            {e.tekst}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** «Hva er nytt» in the package: the newest change notes across the modules, linking to each module. */
export function PakkeNyheter({ nyheter, nivaa }: { nyheter: Nyhet[]; nivaa: 2 | 3 }) {
  const t = useT();
  const maalform = useMaalform();
  if (!nyheter.length) return null;
  return (
    <section aria-labelledby="pakke-nytt" className="ramme">
      <Heading level={nivaa} id="pakke-nytt" data-size="xs">
        {t("utgave.hvaErNytt")}
      </Heading>
      <ul>
        {nyheter.map((n) => (
          <li key={`${n.slug}-${n.utgave}`}>
            <Link to={`/moduler/${n.slug}`}>
              {t("pakke.modul", { nummer: n.modulNummer })}: {n.modulTittel}
            </Link>{" "}
            ({formaterDato(n.dato, maalform)}
            {n.juridisk ? `, ${t("utgave.juridisk")}` : ""}): {n.tekst}
          </li>
        ))}
      </ul>
    </section>
  );
}
