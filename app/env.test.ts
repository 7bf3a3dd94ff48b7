import { describe, expect, it } from "vitest";
import { lesEnv } from "./env.server.ts";

describe("miljøet", () => {
  it("skal gi fungerende standardverdier", () => {
    const e = lesEnv({});
    expect(e).toMatchObject({ PORT: 3000, DATA_DIR: "./data", BASE_URL: "http://localhost:3000" });
    expect(e.DATABASE_URL).toBeUndefined();
  });

  it("skal liste alle ugyldige verdier i én melding", () => {
    expect(() => lesEnv({ PORT: "nitti", DATABASE_URL: "mysql://x", AUTH_SECRET: "kort", LOG_LEVEL: "prat" })).toThrow(
      /PORT[\s\S]*DATABASE_URL: må starte med postgres[\s\S]*AUTH_SECRET: må være minst 32 tegn[\s\S]*LOG_LEVEL/,
    );
  });
});
