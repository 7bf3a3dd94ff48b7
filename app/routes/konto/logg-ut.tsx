import { Form, redirect } from "react-router";
import { Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/logg-ut";
import { tjenester } from "#app/tjenester.server.ts";
import { useT } from "#app/components/use-t.ts";
import { loggUt } from "#app/domain/konto/konto.server.ts";
import { aktorKontekst } from "#app/kontekst.ts";
import { videreMedCookies } from "./konto.server.ts";
import { lesForm } from "#app/components/skjema.ts";

export function meta() {
  return [{ title: "Logg ut – Samla" }];
}

export function loader({ context }: Route.LoaderArgs) {
  if (!context.get(aktorKontekst)) throw redirect("/");
  return null;
}

/** Signing out is a POST (a link or an image tag must never sign anyone out). */
export async function action({ request }: Route.ActionArgs) {
  // The form has no fields, but only a form post signs out: JSON, text or XML get 415 (lesForm).
  await lesForm(request);
  const hoder = await loggUt(tjenester().auth, request.headers);
  return videreMedCookies("/", hoder);
}

export default function LoggUt() {
  const t = useT();
  return (
    <div className="smal">
      <Heading level={1} data-size="lg">
        {t("konto.loggUt.tittel")}
      </Heading>
      <Paragraph>{t("konto.loggUt.tekst")}</Paragraph>
      <Form method="post">
        <Button type="submit">{t("konto.loggUt.knapp")}</Button>
      </Form>
    </div>
  );
}
