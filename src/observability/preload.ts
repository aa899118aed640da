/**
 * Imported first by src/main.ts: the instrumentations must patch http, express, pg and graphql
 * before anything loads them.
 */
import { startTracing } from './tracing';

startTracing('passerelle');
