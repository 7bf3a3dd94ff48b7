import { useRouteLoaderData } from "react-router";
import { oversetter, type Oversetter } from "#app/i18n/i18n.ts";
import type { Spraak } from "#app/domain/innhold/innhold.schema.ts";
import type { RotData } from "#app/root.tsx";

/** The målform of this page (from the root loader), defaulting to bokmål. */
export function useMaalform(): Spraak {
  const data = useRouteLoaderData<RotData>("root");
  return data?.maalform ?? "nb";
}

/** The translate function for this page's målform. */
export function useT(): Oversetter {
  return oversetter(useMaalform());
}
