import { QueryClient, isServer } from "@tanstack/react-query";
import { shouldRetry } from "./fetch-json";

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Server-prefetched data is fresh on arrival; don't refetch it the moment the page hydrates.
        staleTime: 15_000,
        retry: shouldRetry,
        refetchOnWindowFocus: false,
      },
    },
  });
}

let browserClient: QueryClient | undefined;

/** One client per browser tab; the server makes a new one per request (see lib/server/query). */
export function getBrowserQueryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  browserClient ??= makeQueryClient();
  return browserClient;
}
