/** Imported first by src/jobs/run-worker.ts (see preload.ts). */
import { startTracing } from './tracing';

startTracing('passerelle-worker');
