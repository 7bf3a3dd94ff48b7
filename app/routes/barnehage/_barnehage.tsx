import { Outlet } from "react-router";
import type { Route } from "./+types/_barnehage";
import { barnehageMiddleware } from "#app/auth/middleware.server.ts";

/** Everything below this layout is one barnehage's workspace, for its members only. */
export const middleware: Route.MiddlewareFunction[] = [barnehageMiddleware];

export default function Barnehage() {
  return <Outlet />;
}
