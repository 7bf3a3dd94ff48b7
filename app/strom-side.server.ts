import { finished, type Duplex } from "node:stream";
import type { ReactNode } from "react";
import { renderToPipeableStream } from "react-dom/server";

/**
 * Streams a React page into `kropp` (a PassThrough, or the Transform that keeps the fast path's
 * bytes) and gives `kropp` back once the shell is ready (or everything, for `ventPaaAlt`: bots).
 * A render still waiting after `tidsfristMs` is aborted, so its Suspense boundaries are sent as
 * errors. The timer is cleared as soon as the page is written or the shell failed: a pending timer
 * holds the whole render (React's request, the router context, the page's data) until it fires,
 * which under load was most of a worker's memory (issue 16).
 */
export function stromSide(
  innhold: ReactNode,
  { nonce, ventPaaAlt, tidsfristMs, lagKropp, onError }: { nonce: string; ventPaaAlt: boolean; tidsfristMs: number; lagKropp: () => Duplex; onError: (feil: unknown, etterSkallet: boolean) => void },
): Promise<Duplex> {
  return new Promise((resolve, reject) => {
    let skallSendt = false;
    let tidsfrist: NodeJS.Timeout | undefined;
    const klar = () => {
      skallSendt = true;
      const kropp = lagKropp();
      finished(kropp, () => clearTimeout(tidsfrist));
      resolve(kropp);
      pipe(kropp);
    };
    const { pipe, abort } = renderToPipeableStream(innhold, {
      nonce,
      ...(ventPaaAlt ? { onAllReady: klar } : { onShellReady: klar }),
      onShellError(feil: unknown) {
        clearTimeout(tidsfrist);
        reject(feil);
      },
      onError: (feil: unknown) => onError(feil, skallSendt),
    });
    tidsfrist = setTimeout(abort, tidsfristMs);
  });
}
