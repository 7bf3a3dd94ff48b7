import type { Route } from "./+types/lov";
import { offentligInnhold, offentligSideHoder } from "./offentlig.server.ts";
import { LovSide } from "#app/components/lov-side.tsx";

export const handle = { utenJs: true };
export const headers = () => offentligSideHoder;

export function loader({ context }: Route.LoaderArgs) {
  const { innhold, maalform } = offentligInnhold(context);
  return { side: innhold.lov[maalform], lovtekst: innhold.lovtekst };
}

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: `${loaderData?.side.meta.tittel ?? "Samla"} – Samla` }];
}

export default function Side({ loaderData }: Route.ComponentProps) {
  return <LovSide side={loaderData.side} lovtekst={loaderData.lovtekst} />;
}
