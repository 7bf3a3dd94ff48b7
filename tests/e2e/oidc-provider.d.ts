/**
 * The little of oidc-provider's API the certified-provider test uses (the package ships no types;
 * @types/oidc-provider would be one more dependency for three lines).
 */
declare module "oidc-provider" {
  import type { Server } from "node:http";
  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>);
    listen(port: number, host?: string): Server;
  }
}
