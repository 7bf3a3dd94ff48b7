import { Form, Link } from "react-router";
import { Button, Field, Label, Paragraph, Select } from "@digdir/designsystemet-react";
import type { Route } from "./+types/samlingspakke";
import { useT } from "#app/components/use-t.ts";
import { SkrivUtKnapp } from "#app/components/skriv-ut-knapp.tsx";
import { PakkeVisning } from "#app/components/pakke-visning.tsx";
import { hentPakke } from "./pakker.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData ? `${loaderData.pakke.tittel} – Samla` : "Samla" }];
}

/** The samlingspakke (issue 14, point 5) as a print page; the same model as the tagged PDF. */
export function loader({ request, context, params }: Route.LoaderArgs) {
  return hentPakke("samling", request, context, params.slug);
}

export default function Samlingspakke({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const pdf = `/barnehage/${d.barnehageId}/moduler/${d.slug}/samlingspakke/pdf?grupper=${d.grupper}`;
  return (
    <div>
      <div className="skjul-utskrift">
        <Paragraph data-size="sm" className="dempet">
          <Link to={`/barnehage/${d.barnehageId}`}>{t("pakker.tilBarnehagen")}</Link>
        </Paragraph>
        <Paragraph>{t("pakker.samling.ingressSide")}</Paragraph>
        <div className="knapperad">
          <SkrivUtKnapp tekst={t("pakker.skrivUt")} />
          <a href={pdf} data-pdf>
            {t("pakker.pdf")}
          </a>
        </div>
          <Form method="get" className="knapperad pakke-grupper">
            <Field className="felt">
              <Label htmlFor="grupper">{t("pakker.samling.antall")}</Label>
              <Select id="grupper" name="grupper" defaultValue={String(d.grupper)}>
                {[1, 2, 3, 4, 5, 6, 7, 8].map((n) => (
                  <Select.Option key={n} value={String(n)}>
                    {n}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            <Button type="submit" variant="secondary">
              {t("pakker.samling.vis")}
            </Button>
          </Form>
      </div>
      <PakkeVisning pakke={d.pakke} />
    </div>
  );
}
