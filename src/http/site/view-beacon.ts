/**
 * POST /api/views: the beacon an article page's script sends once a reader sees it, its body
 * the story's id as plain text (what `navigator.sendBeacon` sends: no preflight, no cookies).
 * Nothing about the reader is kept: the view joins a count in memory (ADR 0050).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { invalid, tooManyRequests } from '../../domain/errors.js';
import { isAutomatedAgent } from '../../domain/readership/automated-agents.js';
import type { ViewTally } from '../../services/readership/view-tally.js';
import { createViewAllowance, type ViewAllowance } from './view-allowance.js';

export const VIEW_BEACON_PATH = '/api/views';

export interface ViewBeaconStats {
  /** Views not counted: a program's User-Agent, or sent from another site's page. */
  automated: number;
  crossSite: number;
  /** Views refused because one address sent too many. */
  overAllowance: number;
}

/** What the beacon counts into, and what it refuses. */
export interface ViewBeacon {
  tally: ViewTally;
  allowance: ViewAllowance;
  ignored: { automated: number; crossSite: number };
  stats(): ViewBeaconStats;
}

export function createViewBeacon(tally: ViewTally, allowance = createViewAllowance()): ViewBeacon {
  const ignored = { automated: 0, crossSite: 0 };
  return {
    tally,
    allowance,
    ignored,
    stats: () => ({ ...ignored, overAllowance: allowance.stats().refused }),
  };
}

/** A story id: 1 to 2^31 − 1, the ids either engine makes, as digits and nothing else. */
const STORY_ID = /^\s*([1-9]\d{0,9})\s*$/;
/** The longest body a beacon has reason to send; Fastify answers 413 to more. */
const BODY_LIMIT = 32;

function storyIdOf(body: unknown): number {
  const match = typeof body === 'string' ? STORY_ID.exec(body) : null;
  const id = match ? Number(match[1]) : NaN;
  if (!(id <= 2 ** 31 - 1)) throw invalid('story: the body must be a story id', 'story');
  return id;
}

/**
 * Browsers say where a request comes from (Fetch Metadata); the beacon is sent by our own
 * pages, so another site's page sending it is not a view of ours. Old browsers send nothing.
 */
const fromAnotherSite = (request: FastifyRequest) => {
  const site = request.headers['sec-fetch-site'];
  return site !== undefined && site !== 'same-origin';
};

/** The beacon's route; every answer is empty, never cached and sets no cookie. */
export function registerViewBeacon(server: FastifyInstance, beacon: ViewBeacon): void {
  server.post(VIEW_BEACON_PATH, { bodyLimit: BODY_LIMIT }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const storyId = storyIdOf(request.body);
    // Ignored quietly: a crawler is told nothing it could learn to avoid.
    if (isAutomatedAgent(request.headers['user-agent'])) beacon.ignored.automated++;
    else if (fromAnotherSite(request)) beacon.ignored.crossSite++;
    else if (!beacon.allowance.take(request.ip, storyId, Date.now()))
      throw tooManyRequests('Too many views from this address; try again in a minute', 60);
    else beacon.tally.count(storyId);
    return reply.code(204).send();
  });
}
