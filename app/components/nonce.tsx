import { createContext, use } from "react";

/** The CSP nonce of this response, for <Scripts> and friends. Empty in the browser. */
export const NonceContext = createContext("");
export const useNonce = () => use(NonceContext);
