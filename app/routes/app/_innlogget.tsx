import { Outlet } from "react-router";
import type { Route } from "./+types/_innlogget";
import { krevInnlogging } from "#app/auth/middleware.server.ts";

/** Everything below this layout needs a signed-in person; the middleware covers loaders and actions. */
export const middleware: Route.MiddlewareFunction[] = [krevInnlogging];

export default function Innlogget() {
  return <Outlet />;
}
