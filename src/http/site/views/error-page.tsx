import { h } from '../../jsx/jsx.js';

/** What a reader sees when a page is missing or something broke: a way back, not a dead end. */
export function ErrorPageView({ status }: { status: number }) {
  const missing = status === 404 || status === 410;
  return (
    <div class="error-page">
      <h1>{missing ? 'We can’t find that page' : 'Something went wrong on our side'}</h1>
      <p>
        {missing
          ? 'The story may have moved, or the address may be mistyped.'
          : 'Please try again in a moment. The newsroom has been told.'}
      </p>
      <p>
        <a href="/">Go to the front page</a>
      </p>
    </div>
  );
}
