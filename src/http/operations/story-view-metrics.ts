import type { ViewTallyStats } from '../../services/readership/view-tally.js';
import type { ViewBeaconStats } from '../site/view-beacon.js';
import type { Collector } from './metrics-registry.js';
import type { MetricFamily } from './prometheus-text.js';

const one = (
  name: string,
  help: string,
  type: 'counter' | 'gauge',
  value: number,
): MetricFamily => ({ name, help, type, samples: [{ value }] });

/** The view counter's counts: views taken, refused, written and waiting; flushes and failures. */
export const storyViewCollector =
  (sources: { tally: { stats(): ViewTallyStats }; stats(): ViewBeaconStats }): Collector =>
  (): MetricFamily[] => {
    const tally = sources.tally.stats();
    const beacon = sources.stats();
    const refused = [
      { labels: { reason: 'automated' }, value: beacon.automated },
      { labels: { reason: 'cross_site' }, value: beacon.crossSite },
      { labels: { reason: 'over_allowance' }, value: beacon.overAllowance },
      { labels: { reason: 'tally_full' }, value: tally.dropped },
      { labels: { reason: 'not_a_story' }, value: tally.discarded },
    ];
    return [
      one('story_views_counted_total', 'Views taken into the tally.', 'counter', tally.counted),
      {
        name: 'story_views_refused_total',
        help: 'Views not counted, by reason.',
        type: 'counter',
        samples: refused,
      },
      one('story_views_stored_total', 'Views written to the database.', 'counter', tally.stored),
      one(
        'story_views_pending',
        'Story and hour counts waiting to be written.',
        'gauge',
        tally.pending,
      ),
      one(
        'story_view_flushes_total',
        'Flushes of the tally that committed.',
        'counter',
        tally.flushes,
      ),
      one(
        'story_view_flush_failures_total',
        'Flushes that failed; their views wait for the next.',
        'counter',
        tally.failedFlushes,
      ),
    ];
  };
