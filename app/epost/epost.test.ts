import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import { lagEpostSender } from "./epost.server.ts";
import { lagEpostInnhold } from "./maler.ts";
import { startPostkasse, lenkeI, type Postkasse } from "./test-postkasse.ts";
import { lesEnv } from "#app/env.server.ts";

describe("e-post over SMTP", () => {
  let postkasse: Postkasse;
  beforeAll(async () => {
    postkasse = await startPostkasse();
  });
  afterAll(() => postkasse.stopp());

  it("skal levere en bekreftelse på nynorsk med lenken i både tekst og HTML", async () => {
    const sender = lagEpostSender({ smtpUrl: `smtp://127.0.0.1:${postkasse.port}`, fra: "Samla <ikke-svar@samla.local>", mappe: "/finnes/ikke" });
    const lenke = "http://localhost:3000/api/auth/verify-email?token=abc.def&callbackURL=%2Fepost-bekreftet";
    await sender.send({ til: "Nynorsk@Example.no", ...lagEpostInnhold("verifiser", "nn", { navn: "Nils <Nynorsk>", lenke }) });
    const m = await postkasse.vent("nynorsk@example.no");
    expect(m.subject).toBe("Stadfest e-postadressa di i Samla");
    expect(m.from?.value[0]).toMatchObject({ name: "Samla", address: "ikke-svar@samla.local" });
    expect(lenkeI(m)).toBe(lenke);
    expect(m.text).toContain("Hei, Nils <Nynorsk>!");
    expect(m.text).toContain("Helsing Samla");
    expect(m.html).toContain(`href="${lenke.replaceAll("&", "&amp;")}"`);
    expect(m.html).toContain("Nils &lt;Nynorsk&gt;");
    expect(m.html).toContain('lang="nn"');
  });

  it("skal skrive lenken til nytt passord på bokmål", async () => {
    const sender = lagEpostSender({ smtpUrl: `smtp://127.0.0.1:${postkasse.port}`, fra: "Samla <ikke-svar@samla.local>", mappe: "/finnes/ikke" });
    await sender.send({ til: "kari@example.no", ...lagEpostInnhold("nyttPassord", "nb", { navn: "Kari", lenke: "http://localhost:3000/nytt-passord?token=xyz" }) });
    const m = await postkasse.vent("kari@example.no");
    expect(m.subject).toBe("Lag et nytt passord i Samla");
    expect(lenkeI(m)).toBe("http://localhost:3000/nytt-passord?token=xyz");
    expect(m.text).toContain("Lenken virker i én time.");
  });

  it("skal sende en invitasjon uten navn, med barnehagen og koden fylt inn på begge målformer", async () => {
    const sender = lagEpostSender({ smtpUrl: `smtp://127.0.0.1:${postkasse.port}`, fra: "Samla <ikke-svar@samla.local>", mappe: "/finnes/ikke" });
    const lenke = "http://localhost:3000/bli-med?kode=ABCD2345";
    for (const maalform of ["nb", "nn"] as const) {
      const til = `invitert.${maalform}@example.no`;
      await sender.send({ til, ...lagEpostInnhold("invitasjon", maalform, { navn: "", lenke, verdier: { barnehage: "Solsikken <bhg>", kode: "ABCD2345" } }) });
      const m = await postkasse.vent(til);
      expect(m.subject).toBe("Du er invitert til Solsikken <bhg> i Samla");
      expect(lenkeI(m)).toBe(lenke);
      expect(m.text).toContain("Hei!");
      expect(m.text).toContain("ABCD2345");
      expect(m.text).not.toMatch(/\{\w+\}/);
      expect(m.html).toContain("Bli med i Solsikken &lt;bhg&gt;");
    }
  });

  it("skal kaste når SMTP-serveren ikke svarer (auth logger og svelger feilen)", async () => {
    const sender = lagEpostSender({ smtpUrl: "smtp://127.0.0.1:1", fra: "Samla <ikke-svar@samla.local>", mappe: "/finnes/ikke" });
    await expect(sender.send({ til: "x@example.no", emne: "x", tekst: "x", html: "x" })).rejects.toThrow();
  });
});

describe("e-post i utvikling (uten SMTP_URL)", () => {
  it("skal skrive hver e-post som en .eml-fil og logge filnavnet, aldri adressen", async () => {
    const mappe = path.join(mkdtempSync(path.join(tmpdir(), "samla-epost-")), "epost");
    const skriv = vi.spyOn(process.stdout, "write");
    const sender = lagEpostSender({ fra: "Samla <ikke-svar@samla.local>", mappe });
    await sender.send({ til: "dev@example.no", ...lagEpostInnhold("verifiser", "nb", { navn: "Dev", lenke: "http://localhost:3000/x?token=hemmelig" }) });
    const filer = readdirSync(mappe);
    expect(filer).toHaveLength(1);
    expect(filer[0]).toMatch(/\.eml$/);
    const m = await simpleParser(readFileSync(path.join(mappe, filer[0]!)));
    expect(m.subject).toBe("Bekreft e-postadressen din i Samla");
    expect(m.to && !Array.isArray(m.to) ? m.to.text : "").toBe("dev@example.no");
    expect(lenkeI(m)).toBe("http://localhost:3000/x?token=hemmelig");
    const logget = skriv.mock.calls.map((c) => String(c[0])).join("");
    expect(logget).not.toContain("dev@example.no");
    expect(logget).not.toContain("hemmelig");
    skriv.mockRestore();
  });
});

describe("e-postmiljøet", () => {
  it("skal ha utviklingsmodus og avsender som standard og avvise en ugyldig SMTP_URL", () => {
    const e = lesEnv({});
    expect(e.SMTP_URL).toBeUndefined();
    expect(e.EPOST_FRA).toBe("Samla <ikke-svar@samla.local>");
    expect(lesEnv({ SMTP_URL: "smtp://localhost:1025" }).SMTP_URL).toBe("smtp://localhost:1025");
    expect(() => lesEnv({ SMTP_URL: "http://localhost" })).toThrow(/SMTP_URL: må starte med smtp/);
  });
});
