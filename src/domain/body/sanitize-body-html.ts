import sanitizeHtml from 'sanitize-html';

// Block-level tags outside the body's vocabulary. Unwrapping them would run the text of
// neighbouring cells or sections together, so they become plain <div> boundaries instead.
const BLOCK_LIKE = [
  'address',
  'article',
  'aside',
  'caption',
  'center',
  'dd',
  'details',
  'dl',
  'dt',
  'fieldset',
  'footer',
  'header',
  'main',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
];

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    ...['p', 'br', 'div', 'span', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'em', 'a'],
    ...['ul', 'ol', 'li', 'blockquote', 'hr', 'img', 'figure', 'figcaption'],
  ],
  allowedAttributes: {
    a: ['href'],
    img: ['src', 'alt', 'width', 'height'],
    ol: ['start'],
  },
  // Only the credit line inside a figure caption keeps a class: it is how a credit round-trips.
  allowedClasses: { span: ['credit'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  transformTags: {
    b: 'strong',
    i: 'em',
    ...Object.fromEntries(BLOCK_LIKE.map((tag) => [tag, 'div'])),
  },
  disallowedTagsMode: 'discard',
  // Elements whose text is code, styling or a fallback, never prose: dropped with their content.
  nonTextTags: [
    ...['script', 'style', 'textarea', 'option', 'xmp', 'noscript', 'noembed', 'noframes'],
    ...['iframe', 'object', 'template', 'title', 'head', 'svg', 'math', 'select', 'button'],
  ],
  // Deeper tags are unwrapped, which keeps the tree walk after this shallow.
  nestingLimit: 40,
};

/** Reduces untrusted HTML to the body's allow-listed tags and attributes. */
export function sanitizeBodyHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}
