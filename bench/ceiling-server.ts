/**
 * The ceiling: the cheapest possible server for the exact bytes Dateline sent for each measured
 * page, held in memory and found by the request's path and query. It runs in its own process,
 * like Dateline, so both are measured under the same conditions.
 *
 * Usage: node dist/bench/ceiling-server.js MANIFEST_FILE PORT
 * where the manifest maps each path (query included) to { "file", "contentType" }.
 * Prints "listening PORT" on stdout once it accepts connections.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

interface Answer {
  body: Buffer;
  headers: Record<string, string>;
}

type Manifest = Record<string, { file: string; contentType: string }>;

function main(argv: string[]): void {
  const [manifestFile, portText] = argv;
  if (!manifestFile || !portText) {
    console.error('usage: ceiling-server MANIFEST_FILE PORT');
    process.exit(2);
  }
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
  // Precomputed once: the ceiling should do no per-request work beyond one lookup and a write.
  const answers = new Map<string, Answer>();
  for (const [path, { file, contentType }] of Object.entries(manifest)) {
    const body = readFileSync(file);
    answers.set(path, {
      body,
      headers: { 'content-type': contentType, 'content-length': String(body.length) },
    });
  }
  const server = createServer((request, response) => {
    const answer = answers.get(request.url ?? '/');
    if (!answer) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, answer.headers);
    response.end(answer.body);
  });
  server.listen(Number(portText), '127.0.0.1', () => {
    console.log(`listening ${portText}`);
  });
  process.once('SIGTERM', () => {
    server.close(() => process.exit(0));
    // Keep-alive sockets would otherwise hold close() open until they time out.
    server.closeAllConnections();
  });
}

main(process.argv.slice(2));
