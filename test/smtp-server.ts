/**
 * Just enough of an SMTP server to accept messages and keep them, or to refuse them with the
 * answer a real server gives when it is unwell (451) or will not take the mail (554).
 */
import { createServer, type Server, type Socket } from 'node:net';

export interface SmtpServer {
  port: number;
  /** Every message accepted, headers and body as sent. */
  received: string[];
  /** From now on, answer MAIL FROM with this reply (e.g. '451 4.3.0 try later'); null: accept. */
  refuseWith(reply: string | null): void;
  close(): Promise<void>;
}

interface SmtpServerState {
  received: string[];
  refusal: string | null;
}

/** One client's conversation: greet, say yes (or the refusal) to everything, keep the DATA. */
function serveSession(server: SmtpServerState) {
  return (socket: Socket) => {
    let data: string | null = null;
    socket.write('220 sink ESMTP\r\n');
    socket.on('data', (chunk) => {
      const text = chunk.toString();
      if (data !== null) {
        data += text;
        if (data.endsWith('\r\n.\r\n')) {
          server.received.push(data);
          data = null;
          socket.write('250 queued\r\n');
        }
        return;
      }
      for (const line of text.split('\r\n').filter(Boolean)) {
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'MAIL' && server.refusal) socket.write(`${server.refusal}\r\n`);
        else if (verb === 'DATA') {
          data = '';
          socket.write('354 go ahead\r\n');
        } else if (verb === 'QUIT') socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
    socket.on('error', () => undefined);
  };
}

/** Starts the server on 127.0.0.1, on `port` if given (to bring a "dead" server back). */
export function startSmtpServer(port = 0): Promise<SmtpServer> {
  const state: SmtpServerState = { received: [], refusal: null };
  const server: Server = createServer(serveSession(state));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolve({
        port: typeof address === 'object' && address ? address.port : 0,
        received: state.received,
        refuseWith: (reply) => {
          state.refusal = reply;
        },
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

/** A port on 127.0.0.1 where nothing listens (it was free a moment ago). */
export async function deadPort(): Promise<number> {
  const probe = await startSmtpServer();
  await probe.close();
  return probe.port;
}
