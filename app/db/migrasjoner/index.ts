import type { Migration } from "kysely/migration";
import * as m0001 from "./0001-auth.ts";
import * as m0002 from "./0002-barnehager.ts";
import * as m0003 from "./0003-invitasjonskoder.ts";
import * as m0004 from "./0004-revisjonslogg.ts";
import * as m0007 from "./0007-team.ts";
import * as m0008 from "./0008-tofaktor.ts";
import * as m0009 from "./0009-eiere.ts";
import * as m0011 from "./0011-samarbeid.ts";
import * as m0012 from "./0012-samling.ts";
import * as m0013 from "./0013-notater.ts";
import * as m0014 from "./0014-stasted.ts";
import * as m0015 from "./0015-tilbakemelding.ts";
import * as m0016 from "./0016-helse.ts";
import * as m0017 from "./0017-tofaktor-brukt.ts";
import * as m0018 from "./0018-samling-i-rommet.ts";
import * as m0019 from "./0019-grupper.ts";
import * as m0020 from "./0020-personalinvitasjon.ts";
import * as m0022 from "./0022-paaminnelser.ts";
import * as m0024 from "./0024-utgaver.ts";
import * as m0026 from "./0026-internkontroll-rutine.ts";
import * as m0025 from "./0025-observasjon-repertoar.ts";

/**
 * The one ordered migration history (auth tables included). Listed explicitly rather than read
 * from the folder, so the same list works in the Vite server build, in scripts and in tests.
 * Never edit a migration that has shipped; add a new one.
 */
export const migrasjoner: Record<string, Migration> = {
  "0001-auth": m0001,
  "0002-barnehager": m0002,
  "0003-invitasjonskoder": m0003,
  "0004-revisjonslogg": m0004,
  "0007-team": m0007,
  "0008-tofaktor": m0008,
  "0009-eiere": m0009,
  "0011-samarbeid": m0011,
  "0012-samling": m0012,
  "0013-notater": m0013,
  "0014-stasted": m0014,
  "0015-tilbakemelding": m0015,
  "0016-helse": m0016,
  "0017-tofaktor-brukt": m0017,
  "0018-samling-i-rommet": m0018,
  "0019-grupper": m0019,
  "0020-personalinvitasjon": m0020,
  "0022-paaminnelser": m0022,
  "0024-utgaver": m0024,
  "0026-internkontroll-rutine": m0026,
  "0025-observasjon-repertoar": m0025,
};
