import { tracingFrom, type TracingConfig } from '../config/env';
import type { SdkHandle } from './sdk';

/** The process's tracing: on when an OTLP endpoint is configured. */
export interface Tracing {
  readonly enabled: boolean;
  /** Sends the spans still buffered (within `timeoutMs`) and stops. */
  shutdown(timeoutMs?: number): Promise<void>;
}

const OFF: Tracing = { enabled: false, shutdown: async () => undefined };
let current: Tracing = OFF;

/**
 * Starts OpenTelemetry tracing when OTEL_EXPORTER_OTLP_ENDPOINT (or ..._TRACES_ENDPOINT) is set
 * and OTEL_SDK_DISABLED is not true; otherwise nothing: not one module of the SDK is loaded, no
 * provider registered, nothing patched (the API's calls in the code are then no-ops). Must run
 * before http, express, pg and graphql are loaded: src/observability/preload*.ts, imported
 * first by the entry points. A bad setting is left for loadConfig to report (ConfigError).
 */
export function startTracing(defaultServiceName: string, env: NodeJS.ProcessEnv = process.env): Tracing {
  if (current.enabled) return current;
  let config: TracingConfig | null;
  try {
    config = tracingFrom(env);
  } catch {
    return OFF;
  }
  if (!config) return OFF;
  // Required here, not imported: with tracing off the SDK is never loaded.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startSdk } = require('./sdk') as typeof import('./sdk');
  const sdk: SdkHandle = startSdk(config, config.serviceName ?? defaultServiceName);
  current = {
    enabled: true,
    async shutdown(timeoutMs = 5000) {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, timeoutMs);
        timer.unref();
      });
      await Promise.race([sdk.shutdown().catch(() => undefined), late]);
      clearTimeout(timer);
    },
  };
  return current;
}

/** For the logs: where spans go (without credentials) and how they are sampled. */
export function tracingSummary(config: TracingConfig): { traces: string; sampler: TracingConfig['sampler'] } {
  const url = new URL(config.tracesUrl);
  url.username = '';
  url.password = '';
  return { traces: `${url.origin}${url.pathname}`, sampler: config.sampler };
}

/** The tracing startTracing started (or the one that is off). */
export function tracing(): Tracing {
  return current;
}
