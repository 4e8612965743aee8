/**
 * The one password test accounts sign in with: long, uncommon words, nothing of the paper's
 * or the person's, so the password check lets it through. Weak ones are spelled out where a
 * test shows them refused.
 */
export const STRONG_PASSWORD = 'marmalade kiosk vellum 1787 tundra';
