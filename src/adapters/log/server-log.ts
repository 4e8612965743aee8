import { pino, type DestinationStream, type Logger } from 'pino';

/** How `serve` logs: Fastify's request lines and the app's own (jobs, scheduler, weather …). */
export interface ServerLog {
  /** The logger Fastify writes requests to in JSON mode; undefined: Fastify makes its own. */
  requests: Logger | undefined;
  /** One line of the app's own, such as `jobs: job 4 failed, retrying in 30 s: …`. */
  line: (message: string) => void;
}

/** `scheduler: article 3 went live` is the scheduler's line: the prefix becomes a field. */
const COMPONENT = /^([a-z][a-z-]*): /;
/** The app's lines carry no level; these words mark the ones an operator must not miss. */
const TROUBLE = /\b(fail(ed|s|ure)?|error|unreachable|gave up|giving up)\b/i;

/** An app line as a pino record: its component and message, at warn when it tells of trouble. */
export function writeLine(logger: Logger, message: string): void {
  const component = COMPONENT.exec(message)?.[1];
  const fields = component ? { component } : {};
  if (TROUBLE.test(message)) logger.warn(fields, message);
  else logger.info(fields, message);
}

/**
 * JSON (production, or LOG_FORMAT=json): one pino logger on standard output for requests and
 * the app's lines alike, so every line a collector reads is JSON. Text: the app's lines stay
 * readable on standard error, as before, and Fastify keeps its own logger.
 */
export function createServerLog(
  settings: { logLevel: string; logFormat: 'json' | 'text' },
  destination: DestinationStream = pino.destination({ fd: 1, sync: true }),
  textOut: (text: string) => void = (text) => void process.stderr.write(`${text}\n`),
): ServerLog {
  if (settings.logFormat === 'text') return { requests: undefined, line: textOut };
  const logger = pino({ level: settings.logLevel }, destination);
  return { requests: logger, line: (message) => writeLine(logger, message) };
}
