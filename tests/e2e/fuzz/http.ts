import http from "node:http";

/**
 * Raw HTTP to the app, with nothing added: the exact bytes, headers and content-type a test
 * chose, no redirects followed, no cookies kept. Sent from a loopback address of its own
 * (127.x.y.z) so the per-IP sign-in limit this spec uses up is not the one the other specs
 * signing in from 127.0.0.1 rely on (the app counts IPv4 addresses one by one).
 */
export type Svar = { status: number; hoder: http.IncomingHttpHeaders; tekst: string };

export function lagKlient(appUrl: string, lokalAdresse: string) {
  const url = new URL(appUrl);
  // One connection per request: after an early answer (413/403) the server stops reading the body,
  // and a kept-alive socket still writing it would stall the next request.
  const agent = new http.Agent({ keepAlive: false });
  return {
    send(metode: string, sti: string, hoder: Record<string, string>, kropp?: Buffer): Promise<Svar> {
      return new Promise((resolve, reject) => {
        let svar: Svar | undefined;
        const deler: Buffer[] = [];
        const ferdig = () => {
          resolve({ ...svar!, tekst: Buffer.concat(deler).toString("utf8") });
          req.destroy();
        };
        const req = http.request(
          { host: "127.0.0.1", port: url.port, path: sti, method: metode, agent, localAddress: lokalAdresse, headers: { host: url.host, ...hoder, ...(kropp ? { "content-length": String(kropp.length) } : {}) } },
          (res) => {
            svar = { status: res.statusCode ?? 0, hoder: res.headers, tekst: "" };
            res.on("data", (d: Buffer) => deler.push(d));
            res.on("end", ferdig);
            res.on("error", ferdig);
          },
        );
        // The server may answer (413, 403) before the whole body is sent and close the connection:
        // the answer counts, the broken upload does not.
        req.on("error", (feil) => setTimeout(() => (svar ? ferdig() : reject(feil)), 100));
        // An answer that never comes is a finding, not a hung test.
        req.setTimeout(10_000, () => req.destroy(new Error(`ingen svar på 10 s: ${metode} ${sti.slice(0, 120)}`)));
        req.end(kropp);
      });
    },
    lukk: () => agent.destroy(),
  };
}
