import { QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api.ts';

/** Retries only what may succeed on a second try (network errors and 5xx), never 4xx. */
export function createQueryClient(onUnauthorised: () => void): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (isApiError(error) && error.status === 401) onUnauthorised();
      },
    }),
    defaultOptions: {
      queries: {
        retry: (count, error) => count < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}
