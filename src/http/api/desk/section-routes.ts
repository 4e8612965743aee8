import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  changeSection,
  changeSectionInput,
  createSection,
  deleteSection,
  listSections,
  newSectionInput,
  reorderSections,
  sectionIdInput,
  sectionOrderInput,
  type SectionDeps,
} from '../../../services/sections/manage-sections.js';
import { defineEndpoint } from '../define-endpoint.js';

/** The sections: everyone files into them, editors and the chief keep them. */
export function registerSectionRoutes(server: FastifyInstance, deps: SectionDeps) {
  defineEndpoint(server, {
    method: 'GET',
    url: '/api/admin/sections',
    input: z.object({}).strict(),
    permission: 'signed_in',
    handle: () => listSections(deps),
  });
  defineEndpoint(server, {
    method: 'POST',
    url: '/api/admin/sections',
    input: newSectionInput,
    permission: 'section.manage',
    status: 201,
    handle: ({ input, actor }) => createSection(deps, actor, input),
  });
  defineEndpoint(server, {
    method: 'PUT',
    url: '/api/admin/sections/order',
    input: sectionOrderInput,
    permission: 'section.manage',
    handle: ({ input, actor }) => reorderSections(deps, actor, input),
  });
  defineEndpoint(server, {
    method: 'PATCH',
    url: '/api/admin/sections/:id',
    input: changeSectionInput,
    permission: 'section.manage',
    handle: ({ input, actor }) => changeSection(deps, actor, input),
  });
  defineEndpoint(server, {
    method: 'DELETE',
    url: '/api/admin/sections/:id',
    input: sectionIdInput,
    permission: 'section.manage',
    status: 204,
    handle: ({ input, actor }) => deleteSection(deps, actor, input),
  });
}
