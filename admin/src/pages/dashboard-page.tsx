import { isMissingEndpoint } from '../api/client.js';
import { newsroom } from '../api/newsroom.js';
import type { Dashboard, SessionUser } from '../api/types.js';
import { ArticleTable } from '../components/article-table.js';
import { When } from '../components/status.js';
import { useLoad, valueOr } from '../components/use-load.js';
import { Link } from '../router.js';
import { useUser } from '../session.js';

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

/** What needs the newsroom's attention: own drafts, the review queue, what goes live next. */
export function DashboardPage() {
  const user = useUser();
  const [dashboard] = useLoad(() => loadDashboard(user), [user.id]);
  const [sections] = useLoad(() => newsroom.sections(), []);
  const sectionList = valueOr(sections, []);

  if (dashboard.state === 'loading') return <p class="loading">Loading…</p>;
  if (dashboard.state === 'failed')
    return (
      <p class="form-error" role="alert">
        {dashboard.message}
      </p>
    );
  const board = valueOr(dashboard, {
    myDrafts: [],
    inReview: [],
    scheduled: [],
    recentlyPublished: [],
    alerts: [],
  });

  return (
    <>
      <h1>Dashboard</h1>
      {board.alerts.length > 0 && (
        <section class="alerts" aria-labelledby="alerts-heading">
          <h2 id="alerts-heading">Alerts</h2>
          <ul>
            {board.alerts.map((alert) => (
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
      )}
      <div class="desk-grid">
        <section aria-labelledby="my-drafts">
          <h2 id="my-drafts">My drafts</h2>
          <ArticleTable
            caption="My drafts"
            articles={board.myDrafts}
            sections={sectionList}
            empty="You have no drafts."
          />
        </section>
        <section aria-labelledby="in-review">
          <h2 id="in-review">In review</h2>
          <ArticleTable
            caption="In review"
            articles={board.inReview}
            sections={sectionList}
            empty="Nothing is waiting for review."
          />
        </section>
        <section aria-labelledby="scheduled">
          <h2 id="scheduled">Scheduled</h2>
          <ArticleTable
            caption="Scheduled"
            articles={board.scheduled}
            sections={sectionList}
            time="publishAt"
            empty="Nothing is scheduled."
          />
        </section>
        <section aria-labelledby="recently-published">
          <h2 id="recently-published">Recently published</h2>
          <ArticleTable
            caption="Recently published"
            articles={board.recentlyPublished}
            sections={sectionList}
            time="publishedAt"
            empty="Nothing published yet."
          />
        </section>
      </div>
    </>
  );
}
