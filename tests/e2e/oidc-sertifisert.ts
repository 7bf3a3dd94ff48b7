import Provider from "oidc-provider";

/**
 * An OpenID Certified provider (panva's oidc-provider, the library behind many certified OPs) for
 * one end-to-end test (tests/e2e/sso-sertifisert.spec.ts): discovery, JWKS, authorization code with
 * PKCE required, nonce, RFC 9207 `iss` in the authorization response, signed ID tokens, and its own
 * login and consent pages (devInteractions: any login name becomes `sub`, any password is taken).
 * Runs in the Playwright worker's process and is closed by the spec.
 */
export type Sertifisert = { issuer: string; clientId: string; clientSecret: string; stopp: () => Promise<void> };

export async function startSertifisertLeverandor(port: number, redirectUri: string, epostFor: (sub: string) => string): Promise<Sertifisert> {
  const issuer = `http://localhost:${port}`;
  const clientId = "samla-sertifisert";
  const clientSecret = "hemmelig-for-sertifisert-leverandor";
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    pkce: { required: () => true },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    // Put the scope's claims into the ID token too (Samla keeps the ID token of each link).
    conformIdTokenClaims: false,
    findAccount: async (_ctx: unknown, sub: string) => ({
      accountId: sub,
      claims: async () => ({ sub, email: epostFor(sub), email_verified: true, name: `Sertifisert ${sub}` }),
    }),
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ["en-lang-nokkel-bare-for-testen-som-ikke-er-hemmelig"] },
  });
  const server = provider.listen(port, "localhost");
  await new Promise<void>((ok) => server.once("listening", () => ok()));
  return { issuer, clientId, clientSecret, stopp: () => new Promise<void>((ok) => server.close(() => ok())) };
}
