/**
 * The sign-off is the source named under a story ("Agencies", "Reuters"); the page puts the
 * dash before it. Editors often type the dash themselves, so a leading dash of any kind (em,
 * en, figure, horizontal bar, hyphen) is not part of the source.
 */
const LEADING_DASHES = /^[\s\u2012\u2013\u2014\u2015-]+/u;

/** The sign-off without a dash typed before it. */
export const signOffSource = (signOff: string): string => signOff.replace(LEADING_DASHES, '');
