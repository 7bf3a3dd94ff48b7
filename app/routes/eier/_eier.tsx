import { Outlet } from "react-router";
import type { Route } from "./+types/_eier";
import { eierMiddleware } from "#app/auth/middleware.server.ts";

/** Everything below this layout is one owner's pages, for the owner's people only (ADR 0014). */
export const middleware: Route.MiddlewareFunction[] = [eierMiddleware];

export default function Eier() {
  return <Outlet />;
}
