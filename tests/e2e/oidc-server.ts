import { createServer } from "node:http";
import { OAuth2Server } from "oauth2-mock-server";

/**
 * A real local OIDC provider for the end-to-end tests (oauth2-mock-server): discovery, JWKS,
 * authorization code with PKCE, signed ID tokens. It signs everyone in without a login page; the
 * tests choose who with a POST of JSON claims to the control port (OIDC_PORT + 1) before each
 * sign-in. Started by Playwright's webServer (playwright.config.ts).
 */
const port = Number(process.env.OIDC_PORT ?? 4200);
export type Identitet = { sub: string; email: string; email_verified: boolean; name: string };

let neste: Identitet = { sub: "standard", email: "standard@example.no", email_verified: true, name: "Standard Person" };

const server = new OAuth2Server();
await server.issuer.keys.generate("RS256");
server.service.on("beforeTokenSigning", (token: { payload: Record<string, unknown> }) => {
  Object.assign(token.payload, neste);
});
server.service.on("beforeUserinfo", (svar: { body: Record<string, unknown> }) => {
  Object.assign(svar.body, neste);
});
await server.start(port, "localhost");

createServer((req, res) => {
  if (req.method !== "POST" || req.url !== "/identitet") {
    res.writeHead(404).end();
    return;
  }
  let kropp = "";
  req.on("data", (d) => (kropp += d));
  req.on("end", () => {
    neste = JSON.parse(kropp) as Identitet;
    res.writeHead(204).end();
  });
}).listen(port + 1, "localhost");

console.log(`OIDC-testleverandør på ${server.issuer.url}`);
