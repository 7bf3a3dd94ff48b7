import { Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/refleksjoner";
import type { SideHandle } from "#app/root.tsx";
import { aktorKontekst, maalformKontekst } from "#app/kontekst.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { useMaalform, useT } from "#app/components/use-t.ts";
import { formaterDato } from "#app/i18n/i18n.ts";
import { alleMineRefleksjoner } from "#app/domain/notat/notat.server.ts";

export const handle: SideHandle = { utenJs: true };

export function meta() {
  return [{ title: "Mine refleksjoner – Samla" }];
}

/** My own private reflections, across modules and barnehager. Nobody else's, ever. */
export async function loader({ context }: Route.LoaderArgs) {
  const aktor = context.get(aktorKontekst);
  const maalform = context.get(maalformKontekst);
  const { db, innhold } = tjenester();
  const mine = await alleMineRefleksjoner(aktor, { db });
  const moduler = innhold.moduler
    .map((m) => {
      const tekst = m.tekst[maalform];
      const aktiviteter = tekst.aktiviteter
        .map((a) => ({ id: a.id, tittel: a.tittel, refleksjon: mine.find((r) => r.modulId === m.id && r.aktivitetId === a.id) }))
        .filter((a) => a.refleksjon)
        .map((a) => ({ id: a.id, tittel: a.tittel, tekst: a.refleksjon!.tekst, dato: a.refleksjon!.oppdatert.slice(0, 10) }));
      return { id: m.id, nummer: m.nummer, tittel: tekst.meta.tittel, aktiviteter };
    })
    .filter((m) => m.aktiviteter.length > 0);
  return { moduler };
}

export default function Refleksjoner({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const maalform = useMaalform();
  return (
    <div className="smal">
      <Heading level={1} data-size="lg">
        {t("notat.mineRefleksjoner")}
      </Heading>
      <Paragraph>{t("notat.mineRefleksjonerIngress")}</Paragraph>
      {d.moduler.length === 0 ? <Paragraph>{t("notat.ingenRefleksjoner")}</Paragraph> : null}
      {d.moduler.map((m) => (
        <section key={m.id} aria-labelledby={`modul-${m.id}`}>
          <Heading level={2} data-size="md" id={`modul-${m.id}`}>
            {m.nummer}. {m.tittel}
          </Heading>
          {m.aktiviteter.map((a) => (
            <article key={a.id} className="ramme refleksjon" aria-labelledby={`r-${a.id}`}>
              <Heading level={3} data-size="xs" id={`r-${a.id}`}>
                {a.tittel}
              </Heading>
              <p className="delte__tekst">{a.tekst}</p>
              <Paragraph data-size="sm" className="dempet">
                {t("notat.sistEndret", { dato: formaterDato(a.dato, maalform) })}
              </Paragraph>
            </article>
          ))}
        </section>
      ))}
    </div>
  );
}
