/**
 * The audit trail: every action the newsroom must be able to account for leaves one row in
 * the database and one structured log line, naming who, what, when and from which address;
 * refusals (403) too. Rows cannot be changed, only purged in bulk once past retention.
 */
/* eslint-disable max-lines -- one table of every audited action, kept whole so none can hide */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEventName, AuditRecord } from '../src/domain/audit/audit-entry.js';
import { importFiles } from '../src/cli/import-command.js';
import { createArticle } from '../src/services/articles/create-article.js';
import { articleDraftSchema } from '../src/domain/article/article-draft.js';
import { applySettings } from '../src/services/apply-settings.js';
import { actorFor } from '../src/domain/account/user.js';
import { paragraphs } from './article-desk.js';
import { newsroomClient, PASSWORD, PROXY, type Browser } from './newsroom-client.js';
import { RecordingMailer, startTestApp, type TestApp } from './test-app.js';
import { ENGINES } from './test-databases.js';

/** What pino wrote, one string per write. */
class LogLines {
  readonly writes: string[] = [];
  write(line: string) {
    this.writes.push(line);
  }
  /** The audit lines of an event, parsed. */
  of(event: string): Record<string, unknown>[] {
    return this.writes
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.audit === true && line.event === event);
  }
}

interface Expected {
  actor: 'session' | 'api_token' | 'cli' | 'anonymous';
  /** The acting person's address, for a person. */
  email?: string;
  target?: string;
  details?: Record<string, unknown>;
}

interface Case {
  event: AuditEventName;
  does: string;
  act(): Promise<void>;
  expected: Expected;
}

const CLIENT_IP = '203.0.113.7';
const WRONG_PASSWORD = 'not the password at all';

describe.each(ENGINES)('the audit trail on $engine', ({ create }) => {
  let t: TestApp;
  const log = new LogLines();
  const mail = new RecordingMailer();
  const client = newsroomClient(() => t);
  let chief: Browser;
  let writer: Browser;
  let ids: Record<'chief' | 'editor' | 'writer' | 'contributor', number>;
  /** Through the trusted proxy, as a reader's browser out on the internet. */
  const fromOutside = {
    ip: PROXY,
    headers: { 'x-forwarded-for': CLIENT_IP, 'user-agent': 'Test/1.0' },
  };
  const asChief = (call: Parameters<typeof client.call>[0]) =>
    client.call({ ...fromOutside, ...call, as: chief });
  const ok = async (response: Promise<{ statusCode: number; body: string }>) => {
    const { statusCode, body } = await response;
    expect(statusCode, body).toBeLessThan(300);
    return JSON.parse(body || 'null') as Record<string, unknown>;
  };
  const rowsOf = (event: string) =>
    t.app.storage.stores.audit.list({ event, limit: 1000, offset: 0 });

  beforeAll(async () => {
    t = await startTestApp(
      { TRUSTED_PROXIES: PROXY, PUBLIC_URL: 'https://news.example', LOG_LEVEL: 'info' },
      await create(),
      { mailer: mail, auditLogDestination: log },
    );
    const chiefUser = await client.addUser('chief@paper.example', 'editor_in_chief');
    const editorUser = await client.addUser('editor@paper.example', 'editor');
    const writerUser = await client.addUser('writer@paper.example', 'writer');
    const contributorUser = await client.addUser('contributor@paper.example', 'contributor');
    ids = {
      chief: chiefUser.id,
      editor: editorUser.id,
      writer: writerUser.id,
      contributor: contributorUser.id,
    };
    // The paper's settings as first stored, so that a change names only what it changes.
    await applySettings(
      { stores: t.app.storage.stores, clock: t.app.clock },
      (await t.app.publication.current()).settings,
    );
    t.app.publication.invalidate();
    chief = await client.signIn('chief@paper.example');
    writer = await client.signIn('writer@paper.example');
  });
  afterAll(() => t?.close());

  const state: {
    tokenId?: number;
    keyId?: number;
    webhookId?: number;
    wireSourceId?: number;
    importDir?: string;
  } = {};

  const CASES: Case[] = [
    {
      event: 'user.created',
      does: 'an account made at the command line',
      act: async () => void (await client.addUser('night@paper.example', 'writer')),
      expected: { actor: 'cli', details: { email: 'night@paper.example', via: 'cli' } },
    },
    {
      event: 'sign_in.failed',
      does: 'a wrong password, with the address tried and never the password',
      act: async () => {
        const response = await client.call({
          ...fromOutside,
          method: 'POST',
          url: '/api/admin/session',
          body: { email: 'editor@paper.example', password: WRONG_PASSWORD },
        });
        expect(response.statusCode).toBe(401);
      },
      expected: { actor: 'anonymous', details: { email: 'editor@paper.example' } },
    },
    {
      event: 'sign_in.throttled',
      does: 'a sign-in refused after too many failures',
      act: async () => {
        const attempt = () =>
          client.call({
            ...fromOutside,
            method: 'POST',
            url: '/api/admin/session',
            body: { email: 'nobody@paper.example', password: WRONG_PASSWORD },
          });
        for (let i = 0; i < 5; i++) expect((await attempt()).statusCode).toBe(401);
        const before = (await rowsOf('sign_in.throttled')).length;
        expect(before).toBe(0);
        expect((await attempt()).statusCode).toBe(429);
      },
      expected: { actor: 'anonymous', details: { email: 'nobody@paper.example' } },
    },
    {
      event: 'sign_in.succeeded',
      does: 'a sign-in',
      act: async () =>
        void (await ok(
          client.call({
            ...fromOutside,
            method: 'POST',
            url: '/api/admin/session',
            body: { email: 'editor@paper.example', password: PASSWORD },
          }),
        )),
      expected: { actor: 'session', email: 'editor@paper.example' },
    },
    {
      event: 'access.refused',
      does: 'a writer refused the staff list (403): who, the method and the route',
      act: async () => {
        const response = await client.call({ ...fromOutside, url: '/api/admin/users', as: writer });
        expect(response.statusCode).toBe(403);
      },
      expected: {
        actor: 'session',
        email: 'writer@paper.example',
        details: { method: 'GET', route: '/api/admin/users', role: 'writer' },
      },
    },
    {
      event: 'user.role_changed',
      does: 'a promotion',
      act: async () =>
        void (await ok(
          asChief({
            method: 'PATCH',
            url: `/api/admin/users/${ids.contributor}`,
            body: { role: 'writer' },
          }),
        )),
      expected: {
        actor: 'session',
        email: 'chief@paper.example',
        target: 'user',
        details: { from: 'contributor', to: 'writer' },
      },
    },
    {
      event: 'user.disabled',
      does: 'an account switched off',
      act: async () =>
        void (await ok(
          asChief({
            method: 'PATCH',
            url: `/api/admin/users/${ids.contributor}`,
            body: { disabled: true },
          }),
        )),
      expected: { actor: 'session', email: 'chief@paper.example', target: 'user' },
    },
    {
      event: 'user.enabled',
      does: 'an account switched back on',
      act: async () =>
        void (await ok(
          asChief({
            method: 'PATCH',
            url: `/api/admin/users/${ids.contributor}`,
            body: { disabled: false },
          }),
        )),
      expected: { actor: 'session', email: 'chief@paper.example', target: 'user' },
    },
    {
      event: 'invitation.sent',
      does: 'an invitation',
      act: async () =>
        void (await ok(
          asChief({
            method: 'POST',
            url: '/api/admin/invitations',
            body: { email: 'stringer@paper.example', role: 'contributor' },
          }),
        )),
      expected: {
        actor: 'session',
        email: 'chief@paper.example',
        details: { email: 'stringer@paper.example', role: 'contributor' },
      },
    },
    {
      event: 'invitation.accepted',
      does: 'an invitation accepted, which makes an account',
      act: async () => {
        await t.app.jobs.runDue();
        const token = mail.lastTokenTo('stringer@paper.example');
        await ok(
          client.call({
            ...fromOutside,
            method: 'POST',
            url: '/api/admin/invitations/accept',
            body: { token, name: 'Sami Stringer', password: PASSWORD },
          }),
        );
        const created = await rowsOf('user.created');
        expect(created[0]?.details).toMatchObject({ email: 'stringer@paper.example' });
      },
      expected: { actor: 'session', email: 'stringer@paper.example', target: 'user' },
    },
    {
      event: 'password_reset.requested',
      does: 'a password reset asked for',
      act: async () =>
        void (await ok(
          client.call({
            ...fromOutside,
            method: 'POST',
            url: '/api/admin/password-resets',
            body: { email: 'editor@paper.example' },
          }),
        )),
      // No target: looking the account up in the request would show in its timing.
      expected: { actor: 'anonymous', details: { email: 'editor@paper.example' } },
    },
    {
      event: 'password_reset.completed',
      does: 'a password reset done',
      act: async () => {
        await t.app.jobs.runDue();
        await ok(
          client.call({
            ...fromOutside,
            method: 'POST',
            url: '/api/admin/password-resets/complete',
            body: { token: mail.lastTokenTo('editor@paper.example'), password: `${PASSWORD}!` },
          }),
        );
      },
      expected: { actor: 'anonymous', target: 'user', details: { email: 'editor@paper.example' } },
    },
    {
      event: 'api_token.created',
      does: 'an API token made',
      act: async () => {
        const body = await ok(
          asChief({ method: 'POST', url: '/api/admin/tokens', body: { name: 'wire importer' } }),
        );
        state.tokenId = (body.token as { id: number }).id;
      },
      expected: {
        actor: 'session',
        email: 'chief@paper.example',
        target: 'api_token',
        details: { name: 'wire importer' },
      },
    },
    {
      event: 'api_token.revoked',
      does: 'an API token revoked',
      act: async () =>
        void (await ok(asChief({ method: 'DELETE', url: `/api/admin/tokens/${state.tokenId}` }))),
      expected: { actor: 'session', email: 'chief@paper.example', target: 'api_token' },
    },
    {
      event: 'content_key.created',
      does: 'a Content API key made',
      act: async () => {
        const body = await ok(
          asChief({ method: 'POST', url: '/api/admin/content-keys', body: { name: 'iOS app' } }),
        );
        state.keyId = (body.key as { id: number }).id;
      },
      expected: {
        actor: 'session',
        email: 'chief@paper.example',
        target: 'content_key',
        details: { name: 'iOS app' },
      },
    },
    {
      event: 'content_key.revoked',
      does: 'a Content API key revoked',
      act: async () =>
        void (await ok(
          asChief({ method: 'DELETE', url: `/api/admin/content-keys/${state.keyId}` }),
        )),
      expected: { actor: 'session', email: 'chief@paper.example', target: 'content_key' },
    },
    {
      event: 'settings.changed',
      does: 'the embeds allow-list changed: which keys, not their values',
      act: async () => {
        const settings = await ok(asChief({ url: '/api/admin/settings' }));
        await ok(
          asChief({
            method: 'PUT',
            url: '/api/admin/settings',
            body: { ...settings, embeds: { allowedProviders: ['spotify'] } },
          }),
        );
      },
      expected: {
        actor: 'session',
        email: 'chief@paper.example',
        target: 'settings',
        details: { changed: ['embeds.allowedProviders'] },
      },
    },
    {
      event: 'webhook.created',
      does: 'a webhook subscribed',
      act: async () => {
        const body = await ok(
          asChief({
            method: 'POST',
            url: '/api/admin/webhooks',
            body: { url: 'https://hooks.partner.example/dateline', events: ['article.published'] },
          }),
        );
        state.webhookId = (body.webhook as { id: number }).id;
      },
      expected: {
        actor: 'session',
        email: 'chief@paper.example',
        target: 'webhook',
        details: { url: 'https://hooks.partner.example/dateline' },
      },
    },
    {
      event: 'webhook.changed',
      does: 'a webhook changed',
      act: async () =>
        void (await ok(
          asChief({
            method: 'PATCH',
            url: `/api/admin/webhooks/${state.webhookId}`,
            body: { active: false },
          }),
        )),
      expected: {
        actor: 'session',
        email: 'chief@paper.example',
        target: 'webhook',
        details: { changed: ['active'] },
      },
    },
    {
      event: 'webhook.secret_rolled',
      does: 'a webhook’s secret rolled',
      act: async () =>
        void (await ok(
          asChief({ method: 'POST', url: `/api/admin/webhooks/${state.webhookId}/secret` }),
        )),
      expected: { actor: 'session', email: 'chief@paper.example', target: 'webhook' },
    },
    {
      event: 'webhook.deleted',
      does: 'a webhook removed',
      act: async () =>
        void (await ok(
          asChief({ method: 'DELETE', url: `/api/admin/webhooks/${state.webhookId}` }),
        )),
      expected: { actor: 'session', email: 'chief@paper.example', target: 'webhook' },
    },
    {
      event: 'wire_source.added',
      does: 'a wire source added',
      act: async () => {
        const body = await ok(
          asChief({
            method: 'POST',
            url: '/api/admin/wire-sources',
            body: {
              name: 'Agency feed',
              agency: 'Reuters',
              kind: 'feed',
              location: 'https://agency.example/world.xml',
              intervalMinutes: 15,
              enabled: false,
            },
          }),
        );
        state.wireSourceId = (body.source as { id: number }).id;
      },
      expected: {
        actor: 'session',
        email: 'chief@paper.example',
        target: 'wire_source',
        details: { kind: 'feed', location: 'https://agency.example/world.xml' },
      },
    },
    {
      event: 'wire_source.changed',
      does: 'a wire source changed',
      act: async () =>
        void (await ok(
          asChief({
            method: 'PUT',
            url: `/api/admin/wire-sources/${state.wireSourceId}`,
            body: {
              name: 'Agency drop',
              agency: 'Reuters',
              kind: 'drop-folder',
              location: 'reuters',
              intervalMinutes: 15,
              enabled: false,
            },
          }),
        )),
      expected: {
        actor: 'session',
        email: 'chief@paper.example',
        target: 'wire_source',
        details: { kind: 'drop-folder', location: 'reuters' },
      },
    },
    {
      event: 'wire_source.removed',
      does: 'a wire source removed',
      act: async () =>
        void (await ok(
          asChief({ method: 'DELETE', url: `/api/admin/wire-sources/${state.wireSourceId}` }),
        )),
      expected: { actor: 'session', email: 'chief@paper.example', target: 'wire_source' },
    },
    {
      event: 'article.killed',
      does: 'a story killed',
      act: async () => {
        const section = await t.app.storage.stores.sections.create({
          slug: 'oman',
          name: 'Oman',
          description: '',
          position: 0,
        });
        const chiefUser = await t.app.storage.stores.users.findById(ids.chief);
        const { id } = await createArticle(
          t.app.newsroom,
          actorFor(chiefUser!, 'session'),
          articleDraftSchema.parse({
            headline: 'A story that must go',
            sectionId: section.id,
            body: paragraphs('Gone.'),
          }),
        );
        await ok(asChief({ method: 'POST', url: `/api/admin/articles/${id}/kill` }));
      },
      expected: {
        actor: 'session',
        email: 'chief@paper.example',
        target: 'article',
        details: { headline: 'A story that must go' },
      },
    },
    {
      event: 'sessions.ended_everywhere',
      does: 'a sign-out everywhere',
      act: async () =>
        void (await ok(
          client.call({
            ...fromOutside,
            method: 'POST',
            url: '/api/admin/session/sign-out-everywhere',
            as: writer,
          }),
        )),
      expected: { actor: 'session', email: 'writer@paper.example', details: { ended: 1 } },
    },
    {
      event: 'import.ran',
      does: 'an import at the command line: the file and its counts',
      act: async () => {
        state.importDir = mkdtempSync(join(tmpdir(), 'dateline-audit-import-'));
        const file = join(state.importDir, 'wire.json');
        writeFileSync(
          file,
          JSON.stringify([
            { headline: 'Imported', section: 'Oman', body: ['One.'], bylines: ['Wire'] },
            { headline: '' },
          ]),
        );
        const quiet = { out: () => {}, err: () => {} };
        await importFiles(t.app, quiet, [file], false);
        rmSync(state.importDir, { recursive: true, force: true });
      },
      expected: { actor: 'cli', target: 'file', details: { imported: 1, failed: 1 } },
    },
  ];

  it.each(CASES.map((c) => [c.event, c] as const))(
    'keeps one row and one log line for %s',
    async (event, row) => {
      const { expected } = row;
      const rowsBefore = (await rowsOf(event)).filter((r) => r.event === event).length;
      const linesBefore = log.of(event).length;
      await row.act();
      const rows = (await rowsOf(event)).filter((r) => r.event === event);
      expect(rows).toHaveLength(rowsBefore + 1);
      const kept = rows[0] as AuditRecord;
      expect(kept.actor.kind).toBe(expected.actor);
      if (expected.email) expect(kept.actor.email).toBe(expected.email);
      if (expected.target) expect(kept.target?.type).toBe(expected.target);
      if (expected.details) expect(kept.details).toMatchObject(expected.details);
      // People act through the proxy on behalf of the outside address, which is what counts.
      if (expected.actor !== 'cli') expect(kept.ip).toBe(CLIENT_IP);
      else expect(kept.ip).toBeNull();
      const lines = log.of(event);
      expect(lines).toHaveLength(linesBefore + 1);
      expect(lines.at(-1)).toMatchObject({
        audit: true,
        event,
        actor: { kind: expected.actor },
        ip: kept.ip,
        at: kept.at.toISOString(),
      });
    },
  );

  it('never writes a password or a secret into a row or a line', async () => {
    const rows = await t.app.storage.stores.audit.list({ limit: 1000, offset: 0 });
    const everything = JSON.stringify(rows) + log.writes.join('');
    expect(everything).not.toContain(WRONG_PASSWORD);
    expect(everything).not.toContain(PASSWORD);
    expect(everything).not.toMatch(/whsec_|dateline_session/);
    for (const write of log.writes) expect(write.indexOf('\n')).toBe(write.length - 1);
  });

  it('shows the editor-in-chief the trail filtered and paged, and names a bad filter', async () => {
    const query = new URLSearchParams({
      event: 'sign_in',
      ip: CLIENT_IP,
      from: new Date(Date.now() - 3_600_000).toISOString(),
      to: new Date(Date.now() + 3_600_000).toISOString(),
    });
    const page = await ok(asChief({ url: `/api/admin/audit?${query.toString()}` }));
    const listed = page.events as AuditRecord[];
    expect(listed.length).toBeGreaterThanOrEqual(8);
    expect(new Set(listed.map((e) => e.event))).toEqual(
      new Set(['sign_in.failed', 'sign_in.throttled', 'sign_in.succeeded']),
    );
    expect(page).toMatchObject({ page: 1, hasMore: false });
    const byWriter = await ok(asChief({ url: '/api/admin/audit?person=writer%40paper' }));
    expect((byWriter.events as AuditRecord[]).map((e) => e.event)).toContain('access.refused');
    for (const [bad, field] of [
      ['from=yesterday', 'from'],
      ['ip=not-an-address', 'ip'],
      ['event=sign_in%27%3B--', 'event'],
      ['page=0', 'page'],
      ['colour=red', 'colour'],
    ]) {
      const response = await asChief({ url: `/api/admin/audit?${bad}` });
      expect(response.statusCode, bad).toBe(400);
      expect(response.json(), bad).toMatchObject({ field });
    }
  });

  it('keeps a value with a newline on one log line', async () => {
    await t.app.storage.stores.audit.record(
      {
        event: 'import.ran',
        actor: { kind: 'cli', userId: null },
        target: { type: 'file', id: 'evil\n{"audit":true,"event":"forged"}.json' },
        details: { note: 'line one\nline two' },
      },
      new Date(),
    );
    const last = log.writes.at(-1) ?? '';
    expect(last.split('\n')).toEqual([expect.any(String), '']);
    expect(JSON.parse(last)).toMatchObject({ details: { note: 'line one\nline two' } });
    expect(log.of('forged')).toEqual([]);
  });
});

describe.each(ENGINES)('the first account on $engine', ({ create }) => {
  let t: TestApp;
  const log = new LogLines();
  const client = newsroomClient(() => t);
  beforeAll(async () => {
    t = await startTestApp({ LOG_LEVEL: 'info' }, await create(), { auditLogDestination: log });
  });
  afterAll(() => t?.close());

  it('is in the trail as made by setup, from the address that made it', async () => {
    const response = await client.call({
      method: 'POST',
      url: '/api/admin/setup',
      body: { email: 'founder@paper.example', name: 'Founder', password: PASSWORD },
      ip: '198.51.100.4',
    });
    expect(response.statusCode, response.body).toBeLessThan(300);
    const [created] = await t.app.storage.stores.audit.list({ limit: 5, offset: 0 });
    expect(created).toMatchObject({
      event: 'user.created',
      actor: { kind: 'session', email: 'founder@paper.example' },
      details: { via: 'setup', role: 'editor_in_chief' },
      ip: '198.51.100.4',
    });
    expect(log.of('user.created')).toHaveLength(1);
  });
});
