/**
 * Readership: views of stories, counted without cookies or anything personal, kept as counts
 * per story and hour (docs/adr/0050-most-read-from-counted-views.md).
 */

/** Views of one story in one hour (see domain/readership/view-hour.ts). */
export interface ViewBucket {
  storyId: number;
  hour: number;
  views: number;
}

/** A story on a most-read list, with what its link needs. */
export interface MostReadStory {
  id: number;
  headline: string;
  slug: string;
  section: { id: number; slug: string; name: string };
  /** When it comes down by itself: the list must not outlive it. */
  unpublishAt: Date | null;
  views: number;
}

export interface MostReadQuery {
  /** The first hour counted; every later one is. */
  fromHour: number;
  /** One section's stories, or the whole paper's when absent. */
  sectionId?: number;
  limit: number;
  /** Only stories readers may see at this time. */
  asOf: Date;
}

export interface StoryViewStore {
  /**
   * Adds the views to their (story, hour) counts, adding to what any instance stored before.
   * Views of ids that are not stories readers may see at `asOf` leave no row. Returns how many
   * views were kept.
   */
  addViews(buckets: readonly ViewBucket[], asOf: Date): Promise<number>;
  /** The most-viewed stories readers may see, most views first (newer story first on a tie). */
  mostRead(query: MostReadQuery): Promise<MostReadStory[]>;
  /** Forgets the counts of hours before `hour`; returns how many rows went. */
  forgetViewsBefore(hour: number): Promise<number>;
}
