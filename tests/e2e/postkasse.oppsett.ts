import { renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startPostkasse } from "../../app/epost/test-postkasse.ts";

/**
 * Global setup: a real SMTP server (smtp-server, no TLS, no login) on E2E_PORT + 1000 for the
 * whole run. The app sends to it through SMTP_URL; each message is written to E2E_EPOST_MAPPE,
 * where tests/e2e/epost.ts reads it. Returns the teardown.
 */
export default async function oppsett() {
  const mappe = process.env.E2E_EPOST_MAPPE!;
  let n = 0;
  const postkasse = await startPostkasse(Number(process.env.E2E_PORT ?? 3100) + 1000, (raa) => {
    n += 1;
    // Write, then rename: a reader never sees half a file.
    const fil = path.join(mappe, `${Date.now()}-${n}.eml`);
    writeFileSync(`${fil}.tmp`, raa);
    renameSync(`${fil}.tmp`, fil);
  });
  return () => postkasse.stopp();
}
