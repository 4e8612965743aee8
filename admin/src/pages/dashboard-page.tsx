import { isMissingEndpoint } from '../api/client.js';
import { newsroom } from '../api/newsroom.js';
import type { Alert, Dashboard, DeskEntry, Section, SessionUser } from '../api/types.js';
import { ArticleTable } from '../components/article-table.js';
import { When } from '../components/status.js';
import { useLoad, valueOr } from '../components/use-load.js';
import { Link } from '../router.js';
import { atLeast, useUser } from '../session.js';
import { MailWarning } from '../components/mail-warning.js';
import { usePageTitle } from '../components/page-title.js';
import { FirstRunChecklist } from './first-run-checklist.js';

/** The dashboard from the article list, for a server that has no dashboard endpoint yet. */
async function dashboardFromLists(user: SessionUser): Promise<Dashboard> {
  const [drafts, inReview, scheduled, published] = await Promise.all(
    (['draft', 'in_review', 'scheduled', 'published'] as const).map((status) =>
      newsroom.list({ status }).then((list) => list.articles),
    ),
  );
  return {
    myDrafts: (drafts ?? []).filter((a) => a.createdBy === user.id),
    inReview: inReview ?? [],
    scheduled: scheduled ?? [],
    recentlyPublished: (published ?? []).slice(0, 10),
    alerts: [],
    firstRun: null,
  };
}

async function loadDashboard(user: SessionUser) {
  try {
    return await newsroom.dashboard();
  } catch (error) {
    if (isMissingEndpoint(error)) return dashboardFromLists(user);
    throw error;
  }
}

function Alerts({ alerts }: { alerts: Alert[] }) {
  if (alerts.length === 0) return null;
  return (
    <section class="alerts" aria-labelledby="alerts-heading">
      <h2 id="alerts-heading">Alerts</h2>
      <ul>
        {alerts.map((alert) => (
          <li key={alert.id} class="alert">
            <When at={alert.createdAt} />{' '}
            {alert.articleId ? (
              <Link href={`/articles/${alert.articleId}`}>{alert.message}</Link>
            ) : (
              alert.message
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

interface DeskListProps {
  id: string;
  title: string;
  articles: DeskEntry[];
  sections: Section[];
  empty: string;
  time?: 'updatedAt' | 'publishAt' | 'publishedAt';
}

/** One of the dashboard's lists, a region named by its heading. */
function DeskList({ id, title, ...table }: DeskListProps) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ArticleTable caption={title} {...table} />
    </section>
  );
}

const EMPTY: Dashboard = {
  myDrafts: [],
  inReview: [],
  scheduled: [],
  recentlyPublished: [],
  alerts: [],
  firstRun: null,
};

/** What needs the newsroom's attention: own drafts, the review queue, what goes live next. */
export function DashboardPage() {
  const user = useUser();
  usePageTitle('Dashboard');
  const [dashboard] = useLoad(() => loadDashboard(user), [user.id]);
  const [sectionList] = useLoad(() => newsroom.sections(), []);
  const sections = valueOr(sectionList, []);

  if (dashboard.state === 'loading') return <p class="loading">Loading…</p>;
  if (dashboard.state === 'failed')
    return (
      <p class="form-error" role="alert">
        {dashboard.message}
      </p>
    );
  const board = valueOr(dashboard, EMPTY);
  return (
    <>
      <h1>Dashboard</h1>
      {atLeast(user.role, 'editor_in_chief') && <MailWarning />}
      <FirstRunChecklist items={board.firstRun} />
      <Alerts alerts={board.alerts} />
      <div class="desk-grid">
        <DeskList
          id="my-drafts"
          title="My drafts"
          articles={board.myDrafts}
          sections={sections}
          empty="You have no drafts."
        />
        <DeskList
          id="in-review"
          title="In review"
          articles={board.inReview}
          sections={sections}
          empty="Nothing is waiting for review."
        />
        <DeskList
          id="scheduled"
          title="Scheduled"
          articles={board.scheduled}
          sections={sections}
          time="publishAt"
          empty="Nothing is scheduled."
        />
        <DeskList
          id="recently-published"
          title="Recently published"
          articles={board.recentlyPublished}
          sections={sections}
          time="publishedAt"
          empty="Nothing published yet."
        />
      </div>
    </>
  );
}
