import type { Route } from "./+types/modul";
import { offentligInnhold, offentligSideHoder } from "./offentlig.server.ts";
import { ModulVisning } from "#app/components/modul-visning.tsx";
import { modulVisningData } from "#app/domain/innhold/visning.ts";

export const handle = { utenJs: true };
export const headers = () => offentligSideHoder;

/**
 * A module as the public reads it, in its newest published edition; drafts and scheduled modules
 * are not found (ADR 0034). The leader guide is never part of this page.
 */
export function loader({ params, context }: Route.LoaderArgs) {
  const { innhold, maalform } = offentligInnhold(context);
  const modul = innhold.modulEtterSlug(params.slug);
  if (!modul) throw new Response("Ikke funnet", { status: 404 });
  return modulVisningData(modul, innhold.moduler, maalform);
}

export function meta({ loaderData }: Route.MetaArgs) {
  if (!loaderData) return [{ title: "Samla" }];
  return [
    { title: `${loaderData.modul.nummer}. ${loaderData.modul.tittel} – Samla` },
    { name: "description", content: loaderData.modul.ingress },
  ];
}

export default function ModulSide({ loaderData }: Route.ComponentProps) {
  return <ModulVisning d={loaderData} />;
}
