/** The sections as editors keep them: add, rename, reorder, hide, delete. */
import type {
  changeSectionInput,
  newSectionInput,
  sectionOrderInput,
} from '../../../src/services/sections/manage-sections.js';
import { request } from './client.js';
import type { Body } from './json.js';
import type { Section } from './types.js';

const sections = '/api/admin/sections';

export type SectionChanges = Omit<Body<typeof changeSectionInput>, 'id'>;

export const sectionsApi = {
  list: () => request<Section[]>('GET', sections),
  create: (section: Body<typeof newSectionInput>) => request<Section>('POST', sections, section),
  change: (id: number, changes: SectionChanges) =>
    request<Section>('PATCH', `${sections}/${id}`, changes),
  reorder: (ids: number[]) =>
    request<Section[]>('PUT', `${sections}/order`, { ids } satisfies Body<
      typeof sectionOrderInput
    >),
  remove: (id: number) => request<void>('DELETE', `${sections}/${id}`),
};
