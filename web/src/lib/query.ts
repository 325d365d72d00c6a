import { QueryClient } from "@tanstack/react-query";

/**
 * Server state. No retries here: the SDK already retried what is safe to retry, and what
 * reaches a query is for a person to see (see `errors.ts`).
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
