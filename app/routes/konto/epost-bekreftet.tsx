import { Link, useSearchParams } from "react-router";
import { Heading, Paragraph } from "@digdir/designsystemet-react";
import { useT } from "#app/components/use-t.ts";

export function meta() {
  return [{ title: "E-postadressen – Samla" }];
}

export function loader() {
  return null;
}

/**
 * Where the verification link ends: Better Auth verifies the token at /api/auth/verify-email and
 * sends the person here, with ?error=… when the link was invalid or expired.
 */
export default function EpostBekreftet() {
  const t = useT();
  const [sok] = useSearchParams();
  const feilet = sok.has("error");
  return (
    <div className="smal">
      <Heading level={1} data-size="lg">
        {t(feilet ? "konto.bekreftet.feilTittel" : "konto.bekreftet.tittel")}
      </Heading>
      <Paragraph>{t(feilet ? "konto.bekreftet.feilTekst" : "konto.bekreftet.tekst")}</Paragraph>
      <Paragraph>
        <Link to="/start">{t("nav.start")}</Link>
      </Paragraph>
    </div>
  );
}
