import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

export interface GqlResult<T> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** One GraphQL request over HTTP, as any client sends it. */
export async function graphqlRequest<T = Record<string, any>>( // eslint-disable-line @typescript-eslint/no-explicit-any
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  token?: string,
): Promise<GqlResult<T>> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GqlResult<T>;
}

export interface LiveSubscription<T> {
  /** The results received so far, oldest first. */
  received: GqlResult<T>[];
  /** Resolves once the server accepted the connection; rejects with the close event if it refused it. */
  connected: Promise<void>;
  /** Resolves when the server ends the subscription (e.g. after an error). */
  ended: Promise<void>;
  close(): Promise<void>;
}

/** One GraphQL subscription over graphql-ws, as a browser client holds it. */
export function graphqlSubscription<T = Record<string, any>>( // eslint-disable-line @typescript-eslint/no-explicit-any
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  token?: string,
): LiveSubscription<T> {
  let accepted!: () => void;
  let refused!: (reason: unknown) => void;
  const connected = new Promise<void>((resolve, reject) => ((accepted = resolve), (refused = reject)));
  connected.catch(() => undefined);
  const client = createClient({
    url: `${url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    lazy: false,
    retryAttempts: 0,
    onNonLazyError: () => undefined, // a refused connection is reported through `connected`
    on: { connected: () => accepted(), closed: (event) => refused(event) },
  });
  const received: GqlResult<T>[] = [];
  let unsubscribe!: () => void;
  const ended = new Promise<void>((resolve) => {
    unsubscribe = client.subscribe<T>(
      { query, variables },
      {
        next: (result) => received.push(result as GqlResult<T>),
        error: (error) => {
          received.push({ errors: Array.isArray(error) ? error : [{ message: String(error) }] });
          resolve();
        },
        complete: resolve,
      },
    );
  });
  return {
    received,
    connected,
    ended,
    async close() {
      unsubscribe();
      await client.dispose();
    },
  };
}
