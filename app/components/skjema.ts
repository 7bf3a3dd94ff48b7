import type { z } from "zod";
import { data } from "react-router";
import type { Nokkel } from "#app/i18n/i18n.ts";

/**
 * Reads a posted form through a Zod schema. Messages in the schemas are i18n keys, so the page
 * shows them in the reader's målform. Text is normalised to NFC before validation.
 */
export type SkjemaFeil = Partial<Record<string, Nokkel>>;
export type SkjemaSvar<T> = { ok: true; data: T } | { ok: false; feil: SkjemaFeil; verdier: Record<string, string> };

export async function lesSkjema<S extends z.ZodType>(request: Request, skjema: S): Promise<SkjemaSvar<z.infer<S>>> {
  const form = await lesForm(request);
  const verdier: Record<string, string> = {};
  for (const [k, v] of form) if (typeof v === "string") verdier[k] = v.normalize("NFC").replaceAll("\u0000", "");
  const r = skjema.safeParse(verdier);
  if (r.success) return { ok: true, data: r.data };
  const feil: SkjemaFeil = {};
  for (const i of r.error.issues) {
    const felt = String(i.path[0] ?? "_skjema");
    feil[felt] ??= i.message as Nokkel;
  }
  // Never send passwords back to the page.
  const { passord: _p, ...trygge } = verdier;
  return { ok: false, feil, verdier: trygge };
}

/**
 * The posted form, or a 4xx the error page shows: 415 for a body that is not a form (JSON, text,
 * XML), 400 for a form that cannot be parsed (a broken multipart body). Never a 500.
 */
export async function lesForm(request: Request): Promise<FormData> {
  const type = (request.headers.get("content-type") ?? "").split(";", 1)[0]!.trim().toLowerCase();
  if (type === "") {
    // No type at all: only an empty body is an (empty) form.
    if (request.body === null || (await request.arrayBuffer()).byteLength === 0) return new FormData();
    throw data(null, { status: 415 });
  }
  if (type !== "application/x-www-form-urlencoded" && type !== "multipart/form-data") throw data(null, { status: 415 });
  try {
    return await request.formData();
  } catch {
    throw data(null, { status: 400 });
  }
}
