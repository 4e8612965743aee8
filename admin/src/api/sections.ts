/** The sections as editors keep them: add, rename, reorder, hide, delete. */
import { request } from './client.js';
import type { Section } from './types.js';

const sections = '/api/admin/sections';

export interface SectionChanges {
  name?: string;
  slug?: string;
  description?: string;
  hidden?: boolean;
}

export const sectionsApi = {
  list: () => request<Section[]>('GET', sections),
  create: (section: { name: string; slug?: string; description?: string }) =>
    request<Section>('POST', sections, section),
  change: (id: number, changes: SectionChanges) =>
    request<Section>('PATCH', `${sections}/${id}`, changes),
  reorder: (ids: number[]) => request<Section[]>('PUT', `${sections}/order`, { ids }),
  remove: (id: number) => request<void>('DELETE', `${sections}/${id}`),
};
