import { Link as RouterLink, useLocation } from "react-router";
import { SkipLink } from "@digdir/designsystemet-react";
import type { ReactNode } from "react";
import { useMaalform, useT } from "./use-t.ts";
import type { RotData } from "#app/root.tsx";

/** The layout every page shares: skip link, header with menu and målform switch, footer. */
export function Sideramme({ aktor, children }: { aktor: RotData["aktor"]; children: ReactNode }) {
  const t = useT();
  return (
    <>
      <SkipLink href="#hovedinnhold">{t("lenke.hopp")}</SkipLink>
      <header className="sidehode">
        <div className="sidehode__innhold">
          <RouterLink to="/" className="sidehode__logo">
            {t("app.navn")}
          </RouterLink>
          {/* Wide screens: the menu in the header. Phones: behind a menu button (works without JS). */}
          <Hovedmeny aktor={aktor} className="sidehode__nav sidehode__nav--bred" />
          <details className="sidehode__meny">
            <summary className="sidehode__menyknapp">{t("nav.meny")}</summary>
            <Hovedmeny aktor={aktor} className="sidehode__nav" />
          </details>
          <MaalformVelger />
        </div>
      </header>
      <main id="hovedinnhold" tabIndex={-1} className="hovedinnhold">
        {children}
      </main>
      <footer className="sidefot">
        <p>{t("fot.om")}</p>
        <p>{t("fot.personvern")}</p>
      </footer>
    </>
  );
}

/** The site's main menu: the package, and for a signed-in person their own pages and sign-out. */
function Hovedmeny({ aktor, className }: { aktor: RotData["aktor"]; className: string }) {
  const t = useT();
  return (
    <nav aria-label={t("nav.hoved")} className={className}>
      <ul>
        <li>
          <RouterLink to="/pakke">{t("nav.pakke")}</RouterLink>
        </li>
        <li>
          <RouterLink to="/begreper">{t("nav.begreper")}</RouterLink>
        </li>
        <li>
          <RouterLink to="/lov">{t("nav.lov")}</RouterLink>
        </li>
        <li>
          <RouterLink to="/sok">{t("nav.sok")}</RouterLink>
        </li>
        {aktor ? (
          <>
            <li>
              <RouterLink to="/start">{t("nav.start")}</RouterLink>
            </li>
            <li>
              <RouterLink to="/profil">{t("profil.tittel")}</RouterLink>
            </li>
            <li>
              <RouterLink to="/logg-ut">{t("nav.loggUt")}</RouterLink>
            </li>
          </>
        ) : (
          <li>
            <RouterLink to="/logg-inn">{t("nav.loggInn")}</RouterLink>
          </li>
        )}
      </ul>
    </nav>
  );
}

/** Two submit buttons, so switching målform works without JavaScript. */
function MaalformVelger() {
  const t = useT();
  const maalform = useMaalform();
  const { pathname, search } = useLocation();
  return (
    <form method="post" action="/maalform" className="maalform" aria-label={t("maalform.bytt")}>
      <input type="hidden" name="til" value={pathname + search} />
      {(["nb", "nn"] as const).map((sp) => (
        <button
          key={sp}
          type="submit"
          name="maalform"
          value={sp}
          lang={sp}
          aria-pressed={maalform === sp}
          className="maalform__knapp"
        >
          {t(`maalform.${sp}`)}
        </button>
      ))}
    </form>
  );
}
