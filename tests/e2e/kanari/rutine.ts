import { expect } from "@playwright/test";
import { MARKOR, type BarnehageB, type SaaKontekst } from "./markor.ts";

/**
 * The routine for internkontroll (issue 14, migration 0026, ADR 0036): B's styrer adopts a routine
 * through the app's form with the marker in every answer (the approver's name is the styrer's,
 * which carries it too). Plan practice and the real plan store nothing on the server.
 */
export async function saaRutine(_: SaaKontekst, b: BarnehageB): Promise<void> {
  const [styrer] = b.klienter;
  const svar = (tekst: string) => `${tekst} ${MARKOR}`;
  const r = await styrer!.post(`/barnehage/${b.barnehageId}/rutine`, {
    form: {
      meldeTil: svar("Styreren"),
      meldeFrist: svar("Samme dag"),
      undersokerHvem: svar("Pedagogisk leder"),
      undersokerHvordan: svar("Observasjon"),
      planSkriver: svar("Pedagogisk leder"),
      arkiv: svar("Eierens arkiv"),
      ledelsen: svar("Oppvekstsjefen"),
      opplaering: svar("Første dag"),
      vedtatt: new Date().toISOString().slice(0, 10),
    },
    maxRedirects: 0,
  });
  expect(r.status()).toBe(302);
}
