import type { ApolloServerPlugin } from '@apollo/server';
import SDK_MANIFEST from '../../sdk/src/generated/persisted-documents.json';
import { ClientKind } from '../auth/role';
import type { RequestContext } from '../context/request-context';
import { ForbiddenError } from '../shared/errors';

/** The manifest the SDK's code generation writes (sdk/): sha256 of each documented operation → its text. */
export function loadManifest(parsed: Record<string, unknown> = SDK_MANIFEST): Map<string, string> {
  const manifest = new Map<string, string>();
  for (const [hash, text] of Object.entries(parsed)) {
    if (!/^[0-9a-f]{64}$/.test(hash) || typeof text !== 'string') throw new Error('not a manifest of persisted operations');
    manifest.set(hash, text);
  }
  return manifest;
}

/**
 * Apollo's persisted-query store, holding exactly the manifest: a client may send an operation's
 * hash alone (`extensions.persistedQuery.sha256Hash`) for a documented operation; nothing a
 * client sends is ever added.
 */
export function manifestStore(manifest: Map<string, string>) {
  return {
    async get(key: string): Promise<string | undefined> {
      return key.startsWith('apq:') ? manifest.get(key.slice(4)) : undefined;
    },
    async set(): Promise<void> {},
    async delete(): Promise<boolean> {
      return false;
    },
  };
}

/**
 * With PERSISTED_OPERATIONS=machines, machine clients may run only the documented operations
 * (the allow-list: the manifest's hashes); people's frontends keep sending any query.
 */
export function persistedOperationsPlugin(manifest: Map<string, string>): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, contextValue }) {
          if (contextValue.viewer.clientKind !== ClientKind.MACHINE) return;
          const hash = (request.extensions?.persistedQuery as { sha256Hash?: unknown } | undefined)?.sha256Hash;
          if (typeof hash !== 'string' || !manifest.has(hash)) {
            throw new ForbiddenError('Partner systems send the persisted operations of the SDK only (their sha256 in extensions.persistedQuery)');
          }
        },
      };
    },
  };
}
