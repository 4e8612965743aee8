/** The one line under every alt text field. */
export const ALT_TEXT_HINT =
  'What the photo shows, for readers who cannot see it. Needed before an article with it is published.';

/** How to write alt text, folded away until asked for. */
export function AltTextAdvice() {
  return (
    <details class="alt-advice">
      <summary>How to write alt text</summary>
      <ul>
        <li>
          Say what matters in the photo for the story: who, doing what, where. “Firefighters carry a
          resident out of a flooded house in Ruwi” rather than “Flood”.
        </li>
        <li>
          One or two sentences, about 125 characters: screen readers read it in one go, with no way
          to skim.
        </li>
        <li>Do not start with “Photo of” or “Image of”: readers are told it is an image.</li>
        <li>Do not repeat the caption or the credit; they are read out as well.</li>
        <li>Write out any text in the photo that matters, such as a placard or a sign.</li>
      </ul>
    </details>
  );
}
