import type { ReactNode } from "react";
import { Link } from "react-router";
import { Heading, Paragraph } from "@digdir/designsystemet-react";
import { useT } from "./use-t.ts";

/**
 * The top of a barnehage's own pages: a link back to the barnehage (not printed), the heading and
 * an ingress.
 */
export function BarnehageSideTopp({ barnehageId, tittel, ingress }: { barnehageId: string; tittel: ReactNode; ingress?: ReactNode }) {
  const t = useT();
  return (
    <>
      <Paragraph data-size="sm" className="ikke-utskrift">
        <Link to={`/barnehage/${barnehageId}`}>{t("barnehage.tilbake")}</Link>
      </Paragraph>
      <Heading level={1} data-size="lg">
        {tittel}
      </Heading>
      {ingress ? <Paragraph>{ingress}</Paragraph> : null}
    </>
  );
}
