import { useEffect, useRef } from "react";
import { useRevalidator } from "react-router";

/**
 * Follow a samling live (issue 12, point 5; ADR 0026): ask the cheap version check
 * (`/samling-versjon/:id`, answered by the server before React Router with an ETag, 304 when
 * nothing changed) about once a second, and only when the version moved, reload the page's data.
 * `etag` is the version the page was rendered with (so a change between render and first poll is
 * not missed); new loader data brings a new one and the polling starts over from it.
 *
 * `alltidMs` also reloads on a timer whatever the version says: for what is not in the version
 * (the number of answers to an open ståsted round on the projector).
 *
 * Paused while the tab is hidden. A 404 (the samling is gone) reloads once and stops. Without
 * JavaScript the pages use a meta refresh instead. For the projector, the presenter and the
 * participants' page alike.
 */
export function useFolgSamling(url: string | null | undefined, etag: string | null | undefined, intervallMs = 1000, alltidMs?: number) {
  const revalidator = useRevalidator();
  const r = useRef(revalidator);
  r.current = revalidator;
  useEffect(() => {
    if (!url) return;
    let kjent = etag ?? null;
    let stoppet = false;
    let tidtaker: ReturnType<typeof setTimeout> | undefined;
    let sist = Date.now();
    const sjekk = async () => {
      if (alltidMs && Date.now() - sist >= alltidMs && r.current.state === "idle") {
        sist = Date.now();
        await r.current.revalidate();
      }
      if (document.visibilityState === "visible" && r.current.state === "idle") {
        try {
          const svar = await fetch(url, { headers: kjent ? { "If-None-Match": kjent } : {}, cache: "no-store", credentials: "same-origin" });
          if (svar.status === 200) {
            const ny = svar.headers.get("ETag");
            if (ny && ny !== kjent) {
              const forste = kjent === null;
              kjent = ny;
              if (!forste) await r.current.revalidate();
            }
          } else if (svar.status === 404) {
            stoppet = true;
            await r.current.revalidate();
          }
        } catch {
          // Offline for a moment: try again at the next tick.
        }
      }
      if (!stoppet) tidtaker = setTimeout(sjekk, intervallMs);
    };
    tidtaker = setTimeout(sjekk, intervallMs);
    return () => {
      stoppet = true;
      clearTimeout(tidtaker);
    };
  }, [url, etag, intervallMs, alltidMs]);
}
