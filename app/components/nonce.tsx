import { createContext, use } from "react";

/**
 * The CSP nonce of this response, for <Scripts> and friends. Empty in the browser. It only carries
 * the nonce into React: the one source is server/nonce.ts (entry.server.tsx and the page cache).
 */
export const NonceContext = createContext("");
export const useNonce = () => use(NonceContext);
