import { Alert, Button, Paragraph } from "@digdir/designsystemet-react";
import { useSearchParams } from "react-router";
import { useT } from "./use-t.ts";

/**
 * «Logg inn med Feide»: a plain HTML form (no JavaScript needed) posting to /logg-inn/sso, which
 * sends the browser on to the OIDC provider. Shown only when SSO is configured.
 */
export function SsoKnapp({ navn, til }: { navn: string; til: string }) {
  const t = useT();
  return (
    <>
      <form method="post" action="/logg-inn/sso" className="skjema">
        <input type="hidden" name="til" value={til} />
        <Button type="submit" variant="secondary">
          {t("konto.sso.knapp", { navn })}
        </Button>
      </form>
      <Paragraph>{t("konto.sso.eller")}</Paragraph>
    </>
  );
}

/** Better Auth's codes for a callback that does not belong to a sign-in started in this browser. */
const TILSTANDSFEIL = new Set(["state_mismatch", "state_not_found", "state_security_mismatch", "invalid_callback_request", "please_restart_the_process", "no_code"]);

/** The message after a failed SSO sign-in (Better Auth sends the browser back with ?error=…). */
export function SsoFeil({ navn }: { navn: string }) {
  const t = useT();
  const [sok] = useSearchParams();
  const kode = sok.get("error");
  if (!kode) return null;
  const nokkel = kode === "account_not_linked" ? "konto.sso.feil.ikkeKoblet" : kode === "utsteder" ? "konto.sso.feil.utsteder" : TILSTANDSFEIL.has(kode) ? "konto.sso.feil.tilstand" : "konto.sso.feil.generell";
  return (
    <Alert data-color="danger" role="alert">
      <Paragraph>{t(nokkel, { navn })}</Paragraph>
    </Alert>
  );
}
