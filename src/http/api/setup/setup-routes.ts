import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isDomainError } from '../../../domain/errors.js';
import type { AccountDeps } from '../../../services/accounts/account-deps.js';
import { setUpFirstUser, setUpIsOpen } from '../../../services/accounts/set-up-first-user.js';
import { clientOf, setSessionCookie } from '../../middleware/authentication/index.js';
import { defineEndpoint } from '../define-endpoint.js';
import { presentSignedIn } from '../session/session-routes.js';
import { signedInOutput } from '../session/session-schema.js';
import { setUpInput } from './setup-schema.js';
import {
  alreadySetUpPage,
  NEWSROOM_PAGE_HEADERS,
  setUpPage,
  type SetUpFormState,
} from './setup-page.js';

const FORM_FIELDS = new Set(['email', 'name', 'password']);

/** Form posts are small: three fields. */
const FORM_BODY_LIMIT = 16 * 1024;

const sendHtml = (reply: FastifyReply, html: string, status = 200) =>
  reply.code(status).headers(NEWSROOM_PAGE_HEADERS).send(html);

/** Plain HTML forms post `application/x-www-form-urlencoded`; only the setup form is read so. */
function acceptFormPosts(server: FastifyInstance) {
  server.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );
}

/** The form's answer: to the newsroom when done, else the form again with the mistake shown. */
async function handleSetUpForm(
  accounts: AccountDeps,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const parsed = setUpInput.safeParse(request.body ?? {});
  if (!parsed.success) {
    const errors = { form: 'Fill in your name, email address and password.' };
    return sendHtml(reply, setUpPage({ values: { email: '', name: '' }, errors }), 400);
  }
  const values = { email: parsed.data.email, name: parsed.data.name };
  try {
    const signedIn = await setUpFirstUser(accounts, parsed.data, clientOf(request));
    setSessionCookie(reply, request, signedIn);
    return await reply.redirect('/admin', 303);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    if (error.kind === 'conflict') return sendHtml(reply, alreadySetUpPage(), 409);
    if (error.kind !== 'invalid') throw error;
    const errors: SetUpFormState['errors'] =
      error.field && FORM_FIELDS.has(error.field)
        ? { [error.field]: error.message }
        : { form: error.message };
    return sendHtml(reply, setUpPage({ values, errors }), 400);
  }
}

/**
 * The first run: an API endpoint for the newsroom app, and a server-rendered form that works
 * without JavaScript. Both close for good once the first account exists.
 */
export function registerSetUpRoutes(server: FastifyInstance, accounts: AccountDeps) {
  defineEndpoint(server, {
    method: 'POST',
    url: '/api/admin/setup',
    input: setUpInput,
    output: signedInOutput,
    permission: 'public',
    status: 201,
    handle: async ({ input, request, reply }) => {
      const signedIn = await setUpFirstUser(accounts, input, clientOf(request));
      setSessionCookie(reply, request, signedIn);
      return presentSignedIn(signedIn);
    },
  });

  server.get('/admin/setup', async (_request, reply) =>
    (await setUpIsOpen(accounts.storage.stores))
      ? sendHtml(reply, setUpPage({ values: { email: '', name: '' }, errors: {} }))
      : sendHtml(reply, alreadySetUpPage(), 404),
  );

  void server.register((form, _options, done) => {
    acceptFormPosts(form);
    form.post('/admin/setup', (request, reply) => handleSetUpForm(accounts, request, reply));
    done();
  });
}
