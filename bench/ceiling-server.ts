/**
 * The ceiling: the cheapest possible server for the article page's exact bytes, held in memory.
 * It runs in its own process, like Dateline, so both are measured under the same conditions.
 *
 * Usage: node dist/bench/ceiling-server.js BODY_FILE CONTENT_TYPE PORT
 * Prints "listening PORT" on stdout once it accepts connections.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

function main(argv: string[]): void {
  const [bodyFile, contentType, portText] = argv;
  if (!bodyFile || !contentType || !portText) {
    console.error('usage: ceiling-server BODY_FILE CONTENT_TYPE PORT');
    process.exit(2);
  }
  const body = readFileSync(bodyFile);
  // Precomputed once: the ceiling should do no per-request work beyond writing bytes.
  const headers = { 'content-type': contentType, 'content-length': String(body.length) };
  const server = createServer((_request, response) => {
    response.writeHead(200, headers);
    response.end(body);
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
