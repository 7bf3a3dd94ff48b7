import { useEffect, useState } from "react";
import { Button } from "@digdir/designsystemet-react";

/**
 * «Skriv ut» as a progressive enhancement: rendered only once the page's JavaScript runs (without
 * it, the browser's own print works the same, with the same print stylesheet).
 */
export function SkrivUtKnapp({ tekst }: { tekst: string }) {
  const [kan, setKan] = useState(false);
  useEffect(() => setKan(typeof window.print === "function"), []);
  if (!kan) return null;
  return (
    <Button type="button" variant="secondary" onClick={() => window.print()} data-skriv-ut>
      {tekst}
    </Button>
  );
}
