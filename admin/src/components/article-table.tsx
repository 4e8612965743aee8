import type { DeskEntry, DeskListEntry, Section } from '../api/types.js';
import { Link } from '../router.js';
import { StatusBadge, When } from './status.js';
import { ViewOnSite } from './view-on-site.js';

/** The desk's list says where readers find each story; the dashboard's lists do not. */
type TableEntry = DeskEntry & Partial<Pick<DeskListEntry, 'publicUrl'>>;

interface ArticleTableProps {
  articles: TableEntry[];
  caption: string;
  sections?: Section[];
  /** Which time to show: the last change, the go-live time or the publication time. */
  time?: 'updatedAt' | 'publishAt' | 'publishedAt';
  empty?: string;
}

const TIME_HEADINGS = { updatedAt: 'Updated', publishAt: 'Goes live', publishedAt: 'Published' };

/** A list of articles linking to the editor, as a table (it is tabular: state, section, time). */
export function ArticleTable(props: ArticleTableProps) {
  const { articles, caption, sections = [], time = 'updatedAt' } = props;
  if (articles.length === 0) return <p class="empty">{props.empty ?? 'Nothing here.'}</p>;
  const sectionName = (id: number) => sections.find((s) => s.id === id)?.name ?? '';
  return (
    <table class="articles">
      <caption class="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Headline</th>
          <th scope="col">Status</th>
          {sections.length > 0 && <th scope="col">Section</th>}
          <th scope="col">{TIME_HEADINGS[time]}</th>
        </tr>
      </thead>
      <tbody>
        {articles.map((article) => (
          <tr key={article.id}>
            <td data-label="Headline">
              <Link href={`/articles/${article.id}`}>{article.headline}</Link>
            </td>
            <td data-label="Status">
              <StatusBadge status={article.status} killed={article.killed} />{' '}
              <ViewOnSite url={article.publicUrl} about={article.headline} />
            </td>
            {sections.length > 0 && <td data-label="Section">{sectionName(article.sectionId)}</td>}
            <td data-label={TIME_HEADINGS[time]}>
              <When at={article[time]} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
