/**
 * The one way the server requests a URL that someone typed (webhooks, and whatever fetches a
 * user's link next): every request is checked against the outbound address rules at connect
 * time, so a URL cannot lead the server into its own network.
 */

export interface OutboundRequest {
  method: 'GET' | 'HEAD' | 'POST' | 'PUT';
  url: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** How much of the answer is read; the rest is dropped unread. 64 KB unless given. */
  maxResponseBytes?: number;
  /** For the whole exchange, from resolving the name to the last byte. 10 s unless given. */
  timeoutMs?: number;
  /** Redirects followed, each hop checked like the first; 0 (the default) answers with the 3xx. */
  maxRedirects?: number;
}

export interface OutboundResponse {
  status: number;
  headers: Record<string, string>;
  /** At most maxResponseBytes of the answer's body. */
  body: Uint8Array;
  /** True when the body was longer than maxResponseBytes. */
  truncated: boolean;
  /** The URL that answered, after any redirects followed. */
  url: string;
}

export interface OutboundHttp {
  /**
   * Why a URL will never be requested, as far as can be told without resolving it (scheme,
   * credentials, a literal address, `localhost`); null when it may be tried.
   */
  refusalOf(url: string): string | null;
  /**
   * Sends the request. Rejects with an OutboundError: `refused` (the destination, before any
   * byte went out), `network`, `timeout`, or `too_large` (the request body).
   */
  send(request: OutboundRequest): Promise<OutboundResponse>;
}
