import type { FastifyInstance } from 'fastify';
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
import { z } from 'zod';
import { sectionOutput } from '../articles/articles-schema.js';
import { defineEndpoint } from '../define-endpoint.js';
import { nothing, sectionListOutput } from './desk-schema.js';

/** The sections: everyone files into them, editors and the chief keep them. */
export function registerSectionRoutes(server: FastifyInstance, deps: SectionDeps) {
  defineEndpoint(server, {
    method: 'GET',
    url: '/api/admin/sections',
    input: nothing,
    output: sectionListOutput,
    permission: 'signed_in',
    handle: () => listSections(deps),
  });
  defineEndpoint(server, {
    method: 'POST',
    url: '/api/admin/sections',
    input: newSectionInput,
    output: sectionOutput,
    permission: 'section.manage',
    status: 201,
    handle: ({ input, actor }) => createSection(deps, actor, input),
  });
  defineEndpoint(server, {
    method: 'PUT',
    url: '/api/admin/sections/order',
    input: sectionOrderInput,
    output: sectionListOutput,
    permission: 'section.manage',
    handle: ({ input, actor }) => reorderSections(deps, actor, input),
  });
  defineEndpoint(server, {
    method: 'PATCH',
    url: '/api/admin/sections/:id',
    input: changeSectionInput,
    output: sectionOutput,
    permission: 'section.manage',
    handle: ({ input, actor }) => changeSection(deps, actor, input),
  });
  defineEndpoint(server, {
    method: 'DELETE',
    url: '/api/admin/sections/:id',
    input: sectionIdInput,
    output: z.void(),
    permission: 'section.manage',
    status: 204,
    handle: ({ input, actor }) => deleteSection(deps, actor, input),
  });
}
