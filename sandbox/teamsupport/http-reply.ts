// What the server writes back: status, headers and a text body.
export interface HttpReply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** the server destroys the connection instead of writing this reply (an injected fault) */
  readonly dropConnection?: boolean;
}

export function textReply(
  status: number,
  body: string,
  headers: Readonly<Record<string, string>> = {},
): HttpReply {
  return { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...headers }, body };
}
