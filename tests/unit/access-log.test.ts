import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import express from 'express';
import pino from 'pino';
import { accessLog } from '../../src/server/access-log';

describe('HTTP access logs', () => {
  it('logs each request once: request id, method, path without its query, status; 5xx at error; probes not at all', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    const app = express();
    app.use((_req, res, next) => {
      res.locals.requestId = 'req-0001';
      next();
    });
    app.use(accessLog(pino({ level: 'info' }, sink)));
    app.get('/graphql', (_req, res) => res.json({ data: {} }));
    app.get('/boom', (_req, res) => res.status(500).end());
    app.get('/healthz', (_req, res) => res.json({ status: 'ok' }));
    const server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      await fetch(`${base}/graphql?query=%7B%20person(id%3A%221%22)%7D&variables=%7B%22name%22%3A%22Durand%22%7D`);
      await fetch(`${base}/boom`);
      await fetch(`${base}/healthz`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      server.close();
    }
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ level: 30, reqId: 'req-0001', req: { method: 'GET', path: '/graphql' }, res: { status: 200 }, msg: 'http request' });
    expect(JSON.stringify(lines)).not.toContain('Durand');
    expect(lines[1]).toMatchObject({ level: 50, req: { path: '/boom' }, res: { status: 500 } });
  });
});
