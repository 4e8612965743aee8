import type { FastifyInstance } from 'fastify';
import { authorDetailsSchema } from '../../../domain/author/author.js';
import { recordIdParam } from '../../../domain/validation.js';
import { createAuthorProfile } from '../../../services/authors/create-author-profile.js';
import { editAuthorProfile } from '../../../services/authors/edit-author-profile.js';
import type { Storage } from '../../../services/ports.js';
import { defineEndpoint } from '../define-endpoint.js';
import { authorProfileOutput } from './desk-schema.js';

const editInput = authorDetailsSchema.extend({ id: recordIdParam }).strict();

/** Byline profiles: their owners keep their own, editors keep everyone's and add contributors. */
export function registerAuthorRoutes(server: FastifyInstance, deps: { storage: Storage }) {
  defineEndpoint(server, {
    method: 'POST',
    url: '/api/admin/authors',
    input: authorDetailsSchema,
    output: authorProfileOutput,
    permission: 'author.manage',
    status: 201,
    handle: ({ input, actor }) => createAuthorProfile(deps, actor, input),
  });
  defineEndpoint(server, {
    method: 'PATCH',
    url: '/api/admin/authors/:id',
    input: editInput,
    output: authorProfileOutput,
    permission: 'signed_in',
    handle: ({ input: { id, ...details }, actor }) => editAuthorProfile(deps, actor, id, details),
  });
}
