import type { Route } from "./+types/lov";
import { offentligInnhold, offentligSideHoder } from "./offentlig.server.ts";
import { InnholdsSide } from "#app/components/innholds-side.tsx";

export const handle = { utenJs: true };
export const headers = () => offentligSideHoder;

export function loader({ context }: Route.LoaderArgs) {
  const { innhold, maalform } = offentligInnhold(context);
  return { side: innhold.lov[maalform] };
}

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: `${loaderData?.side.meta.tittel ?? "Samla"} – Samla` }];
}

export default function Side({ loaderData }: Route.ComponentProps) {
  return <InnholdsSide side={loaderData.side} />;
}
