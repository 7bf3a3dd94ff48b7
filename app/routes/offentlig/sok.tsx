import { Form, Link } from "react-router";
import { Button, Field, Heading, Input, Label, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/sok";
import { maalformKontekst } from "#app/kontekst.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { useT } from "#app/components/use-t.ts";

export const handle = { utenJs: true };

/** Search in the reader's målform; a plain GET form, so it works without JavaScript. */
export function loader({ request, context }: Route.LoaderArgs) {
  const sporring = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 200);
  return { sporring, treff: sporring ? tjenester().sok(sporring, context.get(maalformKontekst)) : [] };
}

export function meta() {
  return [{ title: "Søk – Samla" }];
}

export default function SokSide({ loaderData: { sporring, treff } }: Route.ComponentProps) {
  const t = useT();
  return (
    <div className="lesebredde">
      <Heading level={1} data-size="lg">
        {t("sok.tittel")}
      </Heading>
      <Form method="get" role="search" className="sok">
        <Field className="felt">
          <Label htmlFor="sok-q">{t("sok.etikett")}</Label>
          <Input id="sok-q" name="q" type="search" defaultValue={sporring} maxLength={200} />
        </Field>
        <Button type="submit">{t("sok.knapp")}</Button>
      </Form>
      {sporring ? (
        <section aria-labelledby="sok-resultat">
          <Heading level={2} id="sok-resultat" data-size="sm">
            {treff.length ? t("sok.treff", { antall: treff.length, sporring }) : t("sok.ingen", { sporring })}
          </Heading>
          <ol className="sokeliste">
            {treff.map((h) => (
              <li key={h.id}>
                <Heading level={3} data-size="xs">
                  <Link to={h.url}>{h.tittel}</Link>
                </Heading>
                <Paragraph data-size="sm" className="dempet">
                  {h.sted}
                </Paragraph>
                <Paragraph data-size="sm">{h.utdrag}</Paragraph>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}
