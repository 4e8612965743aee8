/**
 * ANALYZE's per-index averages (`sqlite_stat1`) of a 100,000-story archive, the ones every
 * SQLite database plans with (ADR 0067). Written by `node dist/bench/planner-statistics.js`; do
 * not edit by hand.
 */
export const PLANNER_STATISTICS: readonly (readonly [string, string | null, string])[] = [
  ['article_authors', 'article_authors_visible', '114958 2300 466 1 1 1 1'],
  ['article_authors', 'sqlite_autoindex_article_authors_1', '114958 2 1'],
  ['article_tags', 'article_tags_visible', '106657 54 32 1 1 1 1'],
  ['article_tags', 'sqlite_autoindex_article_tags_1', '106657 2 1'],
  ['articles', 'articles_due_to_expire', '499 1'],
  ['articles', 'articles_publish_at', '100000 20000 131'],
  ['articles', 'articles_published_visible', '100000 20000 1 1 1 1'],
  ['articles', 'articles_reader_visibility', '100000 20000 1 1 1 1'],
  ['articles', 'articles_section_visible', '100000 8334 1667 1 1 1 1'],
  ['articles', 'articles_status_published', '100000 20000 1'],
  ['articles', 'sqlite_autoindex_articles_1', '100000 1'],
  ['corrections', 'corrections_article', '2065 1'],
  ['search_word_trigrams_docsize', null, '44912'],
  ['search_words', 'sqlite_autoindex_search_words_1', '44912 1'],
  ['story_search_data', null, '113967'],
  ['story_search_docsize', null, '96033'],
  ['story_search_idx', 'story_search_idx', '38603 2413 1'],
  ['tags', 'sqlite_autoindex_tags_1', '2000 1'],
];
