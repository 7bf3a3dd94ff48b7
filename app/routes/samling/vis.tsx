import type { Route } from "./+types/vis";
import type { SideHandle } from "#app/root.tsx";
import { maalformKontekst } from "#app/kontekst.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { Storskjerm } from "#app/components/samling-steg.tsx";
import { useFolgSamling } from "#app/components/folg-samling.ts";
import { samlingMedSteg } from "#app/domain/samling/samling.server.ts";
import { storskjermData } from "#app/domain/samling/rom.server.ts";
import { barnehageFraKontekst } from "../barnehage/barnehage.server.ts";

/** A presentation: no site chrome (root.tsx). */
export const handle: SideHandle = { presentasjon: true };

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData ? `${loaderData.modulTittel} – storskjerm – Samla` : "Samla" }];
}

/**
 * The projector view for a signed-in member (the meeting-room PC can use the screen link
 * instead, /skjerm/:hemmelighet): the step that is on now as a presentation (ADR 0026), with
 * the participants' text from the module's activity (public content; never the leader guide),
 * the film driven from the presenter, the countdown and the join code. It follows the leader
 * with the cheap version check (useFolgSamling); without JavaScript by a meta refresh. The state
 * is read from the database only. On group and plenary steps it also shows the group note.
 */
export async function loader({ params, context }: Route.LoaderArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  const sp = context.get(maalformKontekst);
  const dep = tjenester();
  const v = await samlingMedSteg(aktor, medlemskap, params.samlingId, dep, sp);
  return storskjermData(v, v.naavaerende, sp, dep, { baseUrl: dep.env.BASE_URL });
}

export default function Vis({ loaderData: d }: Route.ComponentProps) {
  // An open ståsted round: its count of answers is not in the version, so reload every 10 s too.
  useFolgSamling(d.liveUrl, d.liveEtag, 1000, d.stasted?.apen ? 10_000 : undefined);
  return <Storskjerm d={d} />;
}
