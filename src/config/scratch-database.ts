import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { embeddedUrl, startEmbeddedCluster, createDatabaseIfMissing } from './database';
import { freePort } from './free-port';

export interface ScratchDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * A throwaway embedded cluster in a temporary directory, on a free port:
 * for scripts that need an empty database of their own.
 */
export async function startScratchDatabase(name = 'scratch', settings: Record<string, string> = {}): Promise<ScratchDatabase> {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-pg-'));
  // mkdtemp makes the directory private; the cluster may run as another OS user (root sessions).
  fs.chmodSync(parent, 0o755);
  const dataDir = path.join(parent, 'data');
  const port = await freePort();
  const cluster = await startEmbeddedCluster({ dataDir, port, persistent: false, settings });
  const url = embeddedUrl(port, name);
  await createDatabaseIfMissing(url);
  return {
    url,
    stop: async () => {
      await cluster.stop();
      fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
    },
  };
}
