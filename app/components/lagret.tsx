import { useActionData, useSearchParams } from "react-router";
import { formaterKlokke } from "#app/i18n/i18n.ts";
import { useMaalform, useT } from "./use-t.ts";

/**
 * Every save is confirmed the same way (issue 15, point 2; ADR 0030): the action redirects to the
 * page with `?lagret=<nøkkel>&tid=<millisekunder>`, and the page shows «Lagret kl. 14:32» beside
 * what was saved, as a status. The address carries it, so it works without JavaScript after the
 * redirect, and a reload shows the same. A page that stores when a text was saved (notes,
 * reflections) may pass that time instead; `nøkkel` then only says what was saved just now.
 */
export function medLagret(sti: string, nokkel: string, naa: Date = new Date()): string {
  const url = new URL(sti, "http://samla.invalid");
  url.searchParams.set("lagret", nokkel);
  url.searchParams.set("tid", String(naa.getTime()));
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * «14:32» when the address says this `nøkkel` was just saved; null otherwise, and null when the
 * route answered the last post with an error (the old `?lagret` must not stand beside a failed form).
 */
export function useLagret(nokkel: string | readonly string[]): { nettopp: boolean; klokke: string | null } {
  const [sok] = useSearchParams();
  const maalform = useMaalform();
  const svar = useActionData();
  const lagret = sok.get("lagret");
  const treff = lagret !== null && (typeof nokkel === "string" ? lagret === nokkel : nokkel.includes(lagret));
  if (!treff || svar) return { nettopp: false, klokke: null };
  const tid = Number(sok.get("tid"));
  return { nettopp: true, klokke: Number.isFinite(tid) && tid > 0 ? formaterKlokke(new Date(tid), maalform) : null };
}

/** «Lagret kl. 14:32»: a live status right after the save, plain text when only the stored time is known. */
export function LagretKl({ tid, nettopp }: { tid: string | null | undefined; nettopp: boolean }) {
  const t = useT();
  if (!tid) return null;
  return (
    <p className="lagret-kl" role={nettopp ? "status" : undefined} data-lagret={nettopp ? "nettopp" : undefined}>
      {t("lagret.kl", { tid })}
    </p>
  );
}

/** The one confirmation beside a form: «Lagret kl. 14:32» when `?lagret=<nøkkel>` says so. */
export function Lagret({ nokkel, tid }: { nokkel: string | readonly string[]; tid?: string | null }) {
  const { nettopp, klokke } = useLagret(nokkel);
  return <LagretKl tid={nettopp ? (klokke ?? tid) : tid} nettopp={nettopp} />;
}
