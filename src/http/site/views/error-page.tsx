import { h } from '../../jsx/jsx.js';

const WORDING: Record<number, { title: string; heading: string; detail: string }> = {
  400: {
    title: 'Bad request',
    heading: 'We couldn’t understand that address',
    detail:
      'Part of it is not what we expected; check the link, or start again from the front page.',
  },
  404: {
    title: 'Page not found',
    heading: 'We can’t find that page',
    detail: 'The story may have moved, or the address may be mistyped.',
  },
  410: {
    title: 'Page removed',
    heading: 'This page has been removed',
    detail: 'The newsroom has taken it down.',
  },
  500: {
    title: 'Something went wrong',
    heading: 'Something went wrong on our side',
    detail: 'Please try again in a moment. The newsroom has been told.',
  },
};

/** The words of an error page for a status; anything unknown reads as our fault. */
export const errorWording = (status: number) => WORDING[status] ?? WORDING[500]!;

/** What a reader sees when a page is missing or something broke: a way back, not a dead end. */
export function ErrorPageView({ status, detail }: { status: number; detail?: string }) {
  const wording = errorWording(status);
  return (
    <div class="error-page">
      <h1>{wording.heading}</h1>
      <p>{detail ?? wording.detail}</p>
      <p>
        <a href="/">Go to the front page</a>
      </p>
    </div>
  );
}
