import { Links, Meta, Outlet, Scripts, ScrollRestoration, isRouteErrorResponse, useMatches, useRouteLoaderData, Link } from "react-router";
import { Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/root";
import { aktorMiddleware } from "./auth/middleware.server.ts";
import { aktorKontekst, maalformKontekst } from "./kontekst.ts";
import { Sideramme } from "./components/sideramme.tsx";
import { useNonce } from "./components/nonce.tsx";
import { oversetter } from "./i18n/i18n.ts";
import stilark from "./styles/app.css?url";

export const middleware: Route.MiddlewareFunction[] = [aktorMiddleware];

export function loader({ context }: Route.LoaderArgs) {
  const aktor = context.get(aktorKontekst);
  return { maalform: context.get(maalformKontekst), aktor: aktor ? { navn: aktor.navn } : null };
}
export type RotData = Awaited<ReturnType<typeof loader>>;

export const links: Route.LinksFunction = () => [
  { rel: "stylesheet", href: stilark },
  { rel: "icon", href: "/favicon.ico", sizes: "32x32" },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

/**
 * Pages that export `handle = { utenJs: true }` are plain HTML: fast, cacheable, no scripts.
 * `presentasjon: true` is the projector (ADR 0026): no site chrome at all (no header, menu,
 * målform buttons or footer); the page renders its own <main> and fills the screen.
 */
export type SideHandle = { utenJs?: boolean; presentasjon?: boolean };

function sisteHandle(matches: ReturnType<typeof useMatches>): SideHandle | undefined {
  return matches.at(-1)?.handle as SideHandle | undefined;
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<RotData>("root");
  const nonce = useNonce();
  const matches = useMatches();
  const utenJs = sisteHandle(matches)?.utenJs === true;
  const presentasjon = sisteHandle(matches)?.presentasjon === true;
  return (
    <html lang={data?.maalform ?? "nb"} data-color-scheme="light">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className={presentasjon ? "presentasjon" : undefined}>
        {children}
        {utenJs ? null : (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        )}
      </body>
    </html>
  );
}

export default function App({ loaderData }: Route.ComponentProps) {
  if (sisteHandle(useMatches())?.presentasjon === true) return <Outlet />;
  return (
    <Sideramme aktor={loaderData.aktor}>
      <Outlet />
    </Sideramme>
  );
}

/** One friendly Norwegian error page for every status; never a stack trace. */
export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  const data = useRouteLoaderData<RotData>("root");
  const t = oversetter(data?.maalform ?? "nb");
  const ikkeFunnet = isRouteErrorResponse(error) && error.status === 404;
  // Other 4xx (a body that is not a form, a broken form): the sender's fault, not ours.
  const klientfeil = !ikkeFunnet && isRouteErrorResponse(error) && error.status >= 400 && error.status < 500;
  const [tittel, tekst] = ikkeFunnet ? (["feil.404.tittel", "feil.404.tekst"] as const) : klientfeil ? (["feil.400.tittel", "feil.400.tekst"] as const) : (["feil.500.tittel", "feil.500.tekst"] as const);
  return (
    <Sideramme aktor={data?.aktor ?? null}>
      <title>{`${t(tittel)} – Samla`}</title>
      <div className="smal">
        <Heading level={1} data-size="lg">
          {t(tittel)}
        </Heading>
        <Paragraph>{t(tekst)}</Paragraph>
        <Paragraph>
          <Link to="/">{t("feil.tilForsiden")}</Link>
        </Paragraph>
      </div>
    </Sideramme>
  );
}
