import { useEffect, useState } from "react";
import { Button } from "@digdir/designsystemet-react";
import { useT } from "./use-t.ts";

/**
 * «Kopier lenke» (issue 15): a small progressive enhancement. The server renders nothing here, so
 * without JavaScript (or without the Clipboard API) the link or code beside it is plain selectable
 * text; once the page has run and the browser offers `navigator.clipboard`, a button appears that
 * copies the text and says so in a live region.
 */
export function KopierKnapp({ tekst, hva = "lenke" }: { tekst: string; hva?: "lenke" | "kode" }) {
  const t = useT();
  const [kan, setKan] = useState(false);
  const [svar, setSvar] = useState<"kopiert" | "feilet" | null>(null);
  useEffect(() => setKan(typeof navigator !== "undefined" && typeof navigator.clipboard?.writeText === "function"), []);
  if (!kan) return null;
  return (
    <span className="kopier">
      <Button
        type="button"
        variant="secondary"
        data-size="sm"
        data-kopier={hva}
        onClick={() => {
          navigator.clipboard.writeText(tekst).then(
            () => setSvar("kopiert"),
            () => setSvar("feilet"),
          );
        }}
      >
        {t(hva === "kode" ? "kopier.kode" : "kopier.lenke")}
      </Button>
      <span role="status" className="kopier__status">
        {svar ? t(svar === "kopiert" ? "kopier.kopiert" : "kopier.feilet") : ""}
      </span>
    </span>
  );
}
