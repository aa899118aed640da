/**
 * Passerelle's SDK for partner systems: typed operations (generated from sdk/operations by
 * graphql-codegen's client preset, `npm run codegen`), sent by their sha256 alone (persisted
 * operations), with a machine client's token fetched and renewed by OAuth 2.0 client credentials.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';

export * from './generated/graphql';

export interface PasserelleClientOptions {
  /** The API's origin, e.g. https://api.passerelle.example */
  url: string;
  /** A machine client's credentials (createMachineClient). */
  clientId: string;
  clientSecret: string;
  /** Defaults to the global fetch. */
  fetch?: typeof fetch;
}

export class PasserelleError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly errors: unknown[],
  ) {
    super(message);
  }
}

type Persisted = { __meta__?: { hash?: string } };

export class PasserelleClient {
  private token: { value: string; renewAt: number } | null = null;
  private readonly fetch: typeof fetch;

  constructor(private readonly options: PasserelleClientOptions) {
    this.fetch = options.fetch ?? fetch;
  }

  /** Runs a documented operation by its hash; throws a PasserelleError carrying the first error's code. */
  async request<Result, Variables>(document: TypedDocumentNode<Result, Variables>, variables?: Variables): Promise<Result> {
    const hash = (document as Persisted).__meta__?.hash;
    if (!hash) throw new Error('not an operation of the SDK (no persisted hash)');
    const response = await this.fetch(`${this.options.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await this.accessToken()}` },
      body: JSON.stringify({ variables, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }),
    });
    const body = (await response.json()) as { data?: Result; errors?: { message: string; extensions?: { code?: string } }[] };
    if (body.errors?.length) throw new PasserelleError(body.errors[0].message, body.errors[0].extensions?.code, body.errors);
    return body.data as Result;
  }

  /** The current token, renewed a minute before it runs out. */
  private async accessToken(): Promise<string> {
    if (this.token && Date.now() < this.token.renewAt) return this.token.value;
    const response = await this.fetch(`${this.options.url}/oauth/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${encodeURIComponent(this.options.clientId)}:${encodeURIComponent(this.options.clientSecret)}`).toString('base64')}`,
      },
      body: 'grant_type=client_credentials',
    });
    const body = (await response.json()) as { access_token?: string; expires_in?: number; error?: string };
    if (!response.ok || !body.access_token) throw new PasserelleError(`token refused: ${body.error ?? response.status}`, body.error, []);
    this.token = { value: body.access_token, renewAt: Date.now() + Math.max(0, (body.expires_in ?? 60) - 60) * 1000 };
    return body.access_token;
  }
}
