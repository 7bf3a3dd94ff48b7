import { describe, expect, it } from "vitest";
import { antallWorkers, lesEnv, oidcKonfig } from "./env.server.ts";

describe("miljøet", () => {
  it("skal gi fungerende standardverdier", () => {
    const e = lesEnv({});
    expect(e).toMatchObject({ PORT: 3000, DATA_DIR: "./data", BASE_URL: "http://localhost:3000" });
    expect(e.DATABASE_URL).toBeUndefined();
  });

  it("skal kjøre jobbene hvert minutt som standard, og la 0 slå dem av (ADR 0031)", () => {
    expect(lesEnv({}).JOBBER_INTERVALL_SEKUNDER).toBe(60);
    expect(lesEnv({ JOBBER_INTERVALL_SEKUNDER: "0" }).JOBBER_INTERVALL_SEKUNDER).toBe(0);
    expect(() => lesEnv({ JOBBER_INTERVALL_SEKUNDER: "-1" })).toThrow(/JOBBER_INTERVALL_SEKUNDER/);
  });

  it("skal gi én app-prosess per kjerne som standard, og det antallet WORKERS sier ellers", () => {
    expect(antallWorkers(lesEnv({}), 2)).toBe(2);
    expect(antallWorkers(lesEnv({ WORKERS: "auto" }), 8)).toBe(8);
    expect(antallWorkers(lesEnv({ WORKERS: "1" }), 8)).toBe(1);
    expect(antallWorkers(lesEnv({ WORKERS: "3" }), 2)).toBe(3);
    expect(() => lesEnv({ WORKERS: "0" })).toThrow(/WORKERS/);
    expect(() => lesEnv({ WORKERS: "mange" })).toThrow(/WORKERS/);
  });

  it("skal liste alle ugyldige verdier i én melding", () => {
    expect(() => lesEnv({ PORT: "nitti", DATABASE_URL: "mysql://x", AUTH_SECRET: "kort", LOG_LEVEL: "prat" })).toThrow(
      /PORT[\s\S]*DATABASE_URL: må starte med postgres[\s\S]*AUTH_SECRET: må være minst 32 tegn[\s\S]*LOG_LEVEL/,
    );
  });
});

describe("miljøet for innlogging med OIDC", () => {
  const alle = { OIDC_ISSUER: "https://auth.dataporten.no", OIDC_CLIENT_ID: "klient", OIDC_CLIENT_SECRET: "hemmelig" };

  it("skal være av når ingen OIDC-verdier er satt", () => {
    expect(oidcKonfig(lesEnv({}))).toBeUndefined();
  });

  it("skal gi standard scopes og navnet Feide når issuer, klient og hemmelighet er satt", () => {
    expect(oidcKonfig(lesEnv({ ...alle, OIDC_ISSUER: "https://auth.dataporten.no/" }))).toEqual({
      issuer: "https://auth.dataporten.no",
      clientId: "klient",
      clientSecret: "hemmelig",
      scopes: ["openid", "email", "profile"],
      navn: "Feide",
    });
    expect(oidcKonfig(lesEnv({ ...alle, OIDC_SCOPES: "openid email userid-feide", OIDC_NAVN: "Skolekonto" }))).toMatchObject({
      scopes: ["openid", "email", "userid-feide"],
      navn: "Skolekonto",
    });
  });

  it("skal stoppe med en norsk melding som lister det som mangler", () => {
    expect(() => lesEnv({ OIDC_ISSUER: alle.OIDC_ISSUER })).toThrow(/OIDC: innlogging med OIDC krever .*mangler OIDC_CLIENT_ID, OIDC_CLIENT_SECRET/);
    expect(() => lesEnv({ OIDC_CLIENT_ID: "k", OIDC_CLIENT_SECRET: "h" })).toThrow(/mangler OIDC_ISSUER/);
  });

  it("skal avvise en issuer som ikke er en URL", () => {
    expect(() => lesEnv({ ...alle, OIDC_ISSUER: "dataporten" })).toThrow(/OIDC_ISSUER/);
  });
});

describe("testklokka (ADR 0034)", () => {
  it("skal bare virke når appen kjører på localhost, aldri i en ekte drift", () => {
    expect(lesEnv({ SAMLA_TESTKLOKKE: "/tmp/naa", BASE_URL: "http://localhost:3750" }).SAMLA_TESTKLOKKE).toBe("/tmp/naa");
    expect(() => lesEnv({ SAMLA_TESTKLOKKE: "/tmp/naa", BASE_URL: "https://samla.example.no" })).toThrow(/SAMLA_TESTKLOKKE: testklokka virker bare i test/);
    expect(() => lesEnv({ SAMLA_TESTKLOKKE: "/tmp/naa", BASE_URL: "http://localhost.example.no" })).toThrow(/SAMLA_TESTKLOKKE/);
    expect(lesEnv({}).CONTENT_DIR).toBe("content");
  });
});
