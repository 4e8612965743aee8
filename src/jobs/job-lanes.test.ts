import { describe, expect, it } from 'vitest';
import { laneOf, newsroomLanes, SINGLE_LANE } from './job-lanes.js';

describe('job lanes', () => {
  const lanes = newsroomLanes(['media.variants'], 2);

  it('puts photo work in the background lane and everything else, unknown kinds too, in the urgent one', () => {
    expect(laneOf(lanes, 'media.variants')?.name).toBe('background');
    for (const kind of ['event.fanout', 'event:cdn-purge', 'cdn.purge', 'webhook.deliver', 'nope'])
      expect(laneOf(lanes, kind)?.name).toBe('urgent');
    expect(lanes.find((lane) => lane.name === 'background')?.concurrency).toBe(2);
  });

  it('has one lane for every kind when none is asked for', () => {
    expect(laneOf(SINGLE_LANE, 'media.variants')).toBe(SINGLE_LANE[0]);
  });
});
