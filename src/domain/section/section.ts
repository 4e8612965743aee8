/** A part of the paper with its own front: World, Business, Sport… */
export interface Section {
  id: number;
  slug: string;
  name: string;
  description: string;
  /** Order on the home page and in the navigation. */
  position: number;
}

/** The reader's URL path of a section front. */
export const sectionPath = (section: { slug: string }) => `/${section.slug}`;
