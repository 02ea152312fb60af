/** What the sandbox server child tells the benchmark over IPC. */
export type ServerMessage =
  | { readonly kind: 'ready'; readonly url: string; readonly appSecret: string }
  /** CPU time (user + system) the server process has used so far, in microseconds. */
  | { readonly kind: 'cpu'; readonly micros: number };
