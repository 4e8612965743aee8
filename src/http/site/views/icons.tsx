import { h } from '../../jsx/jsx.js';

const svg = (path: string) => (
  <svg
    viewBox="0 0 24 24"
    aria-hidden="true"
    focusable="false"
    fill="none"
    stroke="currentColor"
    stroke-width="2"
    stroke-linecap="round"
    stroke-linejoin="round"
  >
    <path d={path} />
  </svg>
);

// Each icon is drawn once, when the module loads: every page shows the same markup.
const ARROW_UP = svg('M12 19V5M5 12l7-7 7 7');
const HOME = svg('M3 11l9-8 9 8M5 10v10h5v-6h4v6h5V10');
const WEATHER = svg(
  'M8 17h9a4 4 0 0 0 0-8 5.5 5.5 0 0 0-10.6 1.6A3.2 3.2 0 0 0 8 17zM6 3v1.5M2.5 6.5 3.6 7.6M1 11h1.5',
);

export const ArrowUpIcon = () => ARROW_UP;
export const HomeIcon = () => HOME;
export const WeatherIcon = () => WEATHER;
