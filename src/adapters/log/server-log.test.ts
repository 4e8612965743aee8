import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createServerLog } from './server-log.js';

const capture = () => {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().trim().split('\n'))
        lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, stream };
};

describe('the server log', () => {
  it('in JSON mode writes the app’s lines as records with their component and a level', () => {
    const { lines, stream } = capture();
    const log = createServerLog({ logLevel: 'info', logFormat: 'json' }, stream);
    log.line('scheduler: article 3 went live');
    log.line('jobs: media.variants job 9 failed, retrying in 30 s: disk full');
    log.line('Dateline is serving http://127.0.0.1:3000');
    expect(lines).toMatchObject([
      { level: 30, component: 'scheduler', msg: 'scheduler: article 3 went live' },
      { level: 40, component: 'jobs' },
      { level: 30, msg: 'Dateline is serving http://127.0.0.1:3000' },
    ]);
    expect(lines[2]).not.toHaveProperty('component');
    expect(log.requests).toBeDefined();
  });

  it('in text mode leaves the lines as people read them, and Fastify its own logger', () => {
    const written: string[] = [];
    const log = createServerLog({ logLevel: 'info', logFormat: 'text' }, capture().stream, (t) =>
      written.push(t),
    );
    log.line('scheduler: article 3 went live');
    expect(written).toEqual(['scheduler: article 3 went live']);
    expect(log.requests).toBeUndefined();
  });
});
