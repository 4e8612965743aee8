import { describe, expect, it } from 'vitest';
import { Fragment, h, renderDocument, trustedHtml } from './jsx.js';

describe('the page renderer', () => {
  it('escapes text and attribute values by default', () => {
    const html = (
      <a href={'/x?a=1&b="2"'} title="<b>">
        {'<script>alert("x")</script>'}
        {"'quoted'"}
      </a>
    ).html;
    expect(html).toBe(
      '<a href="/x?a=1&amp;b=&quot;2&quot;" title="&lt;b&gt;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39;quoted&#39;</a>',
    );
  });

  it('escapes a short string every time, after plain ones were remembered', () => {
    const render = (text: string) =>
      (
        <b class="x" title={text}>
          {text}
        </b>
      ).html;
    for (let i = 0; i < 3; i++) {
      expect(render('plain')).toBe('<b class="x" title="plain">plain</b>');
      expect(render('a<b')).toBe('<b class="x" title="a&lt;b">a&lt;b</b>');
    }
  });

  it('inserts only HTML it made itself or that a trusted renderer made', () => {
    const inner = <em>kept</em>;
    expect(
      (
        <p>
          {inner}
          {trustedHtml('<b>trusted</b>')}
        </p>
      ).html,
    ).toBe('<p><em>kept</em><b>trusted</b></p>');
  });

  it('writes boolean attributes bare and leaves out false, null and undefined ones', () => {
    expect((<button hidden disabled={false} title={undefined} data-x={null} />).html).toBe(
      '<button hidden></button>',
    );
  });

  it('closes no void element and flattens nested lists of children', () => {
    const items = [['a', 'b'], null, false, 0];
    expect(
      (
        <div>
          <img src="/a.jpg" alt="" />
          {items}
        </div>
      ).html,
    ).toBe('<div><img src="/a.jpg" alt="">ab0</div>');
  });

  it('passes children to components and renders fragments and documents', () => {
    const Box = ({ children }: { children?: unknown }) => <section>{children as string}</section>;
    const page = (
      <html lang="en">
        <Box>
          <Fragment>one & two</Fragment>
        </Box>
      </html>
    );
    expect(renderDocument(page)).toBe(
      '<!DOCTYPE html><html lang="en"><section>one &amp; two</section></html>',
    );
  });
});
