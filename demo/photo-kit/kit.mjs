// Small SVG helpers shared by the demo photo scenes (see ../make-photos.mjs).

export const W = 1600;
export const H = 900;

/** A seeded random number generator (mulberry32), so every run draws the same pictures. */
export function rng(seed) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  next.range = (a, b) => a + (b - a) * next();
  next.int = (a, b) => Math.floor(a + (b - a + 1) * next());
  next.pick = (list) => list[Math.floor(next() * list.length)];
  return next;
}

export const f = (n) => Math.round(n * 10) / 10;

/** Gradient stops from [[offset, colour, opacity?], ...]. */
function stops(list) {
  return list
    .map(([o, c, a = 1]) => `<stop offset="${o}" stop-color="${c}" stop-opacity="${a}"/>`)
    .join('');
}

/** A linear gradient; by default top to bottom over the object's box. */
export function linear(id, list, [x1, y1, x2, y2] = [0, 0, 0, 1]) {
  return `<linearGradient id="${id}" x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}">${stops(list)}</linearGradient>`;
}

/** A radial gradient in user space, centred on (cx, cy). */
export function radial(id, list, cx, cy, r) {
  return `<radialGradient id="${id}" gradientUnits="userSpaceOnUse" cx="${cx}" cy="${cy}" r="${r}">${stops(list)}</radialGradient>`;
}

/** A radial gradient filling the object it paints, centred on it. */
export function radialBox(id, list) {
  return `<radialGradient id="${id}">${stops(list)}</radialGradient>`;
}

/** A mountain or hill line by midpoint displacement, closed down to `bottom`. */
export function ridge(r, { y, amp, rough = 0.55, steps = 7, x0 = 0, x1 = W, bottom = H }) {
  const n = 2 ** steps;
  const ys = new Array(n + 1).fill(0);
  ys[0] = y + r.range(-amp, amp) * 0.5;
  ys[n] = y + r.range(-amp, amp) * 0.5;
  for (let size = n, a = amp; size > 1; size /= 2, a *= rough) {
    for (let i = size / 2; i < n; i += size) {
      ys[i] = (ys[i - size / 2] + ys[i + size / 2]) / 2 + r.range(-a, a);
    }
  }
  const pts = ys.map((v, i) => `${f(x0 + ((x1 - x0) * i) / n)},${f(v)}`);
  return `M${x0},${bottom} L${pts.join(' L')} L${x1},${bottom} Z`;
}

/** Film grain plus a soft vignette, drawn over a finished scene. */
export function finish({ grain = 0.07, vignette = 0.35, seed = 1 } = {}) {
  return `
  <filter id="grain" x="0" y="0" width="100%" height="100%">
    <feTurbulence type="fractalNoise" baseFrequency="0.75" numOctaves="2" seed="${seed}" stitchTiles="stitch"/>
    <feColorMatrix type="saturate" values="0"/>
  </filter>
  ${radial(
    'vignette',
    [
      [0.55, '#000', 0],
      [1, '#000', vignette],
    ],
    W / 2,
    H / 2,
    950,
  )}
  <rect width="${W}" height="${H}" filter="url(#grain)" opacity="${grain}"/>
  <rect width="${W}" height="${H}" fill="url(#vignette)"/>`;
}

/** Wraps defs and body in an SVG document of the photo size. */
export function svg(defs, body, finishing) {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
<defs>
  <filter id="blur4"><feGaussianBlur stdDeviation="4"/></filter>
  <filter id="blur12" x="-50%" y="-50%" width="200%" height="200%"><feGaussianBlur stdDeviation="12"/></filter>
  <filter id="blur30" x="-50%" y="-50%" width="200%" height="200%"><feGaussianBlur stdDeviation="30"/></filter>
  ${defs}
</defs>
${body}
${finish(finishing)}
</svg>`;
}

/** Many small marks (sand, stars, speckles) scattered over a box. */
export function speckle(r, { x, y, w, h, n, colors, size = [0.6, 1.8], opacity = [0.2, 0.6] }) {
  let out = '';
  for (let i = 0; i < n; i++) {
    out += `<circle cx="${f(r.range(x, x + w))}" cy="${f(r.range(y, y + h))}" r="${f(r.range(...size))}" fill="${r.pick(colors)}" opacity="${f(r.range(...opacity) * 100) / 100}"/>`;
  }
  return out;
}

/** A date palm: a leaning trunk and drooping fronds; (x, y) is the foot, h the height. */
export function palm(r, x, y, h, color = '#2f4a24', trunk = '#5b4330') {
  const lean = r.range(-0.18, 0.18) * h;
  const tx = x + lean;
  const ty = y - h;
  const w = h * 0.035;
  let out = `<path d="M${f(x - w)},${y} Q${f(x + lean * 0.2 - w)},${f(y - h * 0.5)} ${f(tx - w * 0.6)},${f(ty)} L${f(tx + w * 0.6)},${f(ty)} Q${f(x + lean * 0.2 + w)},${f(y - h * 0.5)} ${f(x + w)},${y} Z" fill="${trunk}"/>`;
  for (let i = 0; i < 5; i++) {
    const yy = y - (h * (i + 1)) / 6;
    const xx = x + lean * ((i + 1) / 6) ** 2;
    out += `<path d="M${f(xx - w)},${f(yy)} l${f(w * 2)},${f(-w * 0.6)}" stroke="#000" stroke-opacity="0.18" stroke-width="${f(w * 0.3)}"/>`;
  }
  const fronds = 11;
  for (let i = 0; i < fronds; i++) {
    const a = -Math.PI + (Math.PI * (i + 0.5)) / fronds + r.range(-0.15, 0.15);
    const len = h * r.range(0.32, 0.45);
    const ex = tx + Math.cos(a) * len;
    const ey = ty + Math.sin(a) * len * 0.55 + len * 0.45;
    const cx = tx + Math.cos(a) * len * 0.5;
    const cy = ty + Math.sin(a) * len * 0.7 - len * 0.12;
    const nx = -Math.sin(a) * h * 0.035;
    const ny = Math.cos(a) * h * 0.035;
    out += `<path d="M${f(tx)},${f(ty)} Q${f(cx + nx)},${f(cy + ny)} ${f(ex)},${f(ey)} Q${f(cx - nx)},${f(cy - ny)} ${f(tx)},${f(ty)} Z" fill="${color}"/>`;
  }
  return out;
}

/** A flock of distant birds as small "v" strokes. */
export function birds(r, { x, y, w, h, n, color = '#222', size = 9 }) {
  let out = '';
  for (let i = 0; i < n; i++) {
    const bx = r.range(x, x + w);
    const by = r.range(y, y + h);
    const s = size * r.range(0.6, 1.3);
    out += `<path d="M${f(bx - s)},${f(by - s * 0.35)} Q${f(bx - s * 0.4)},${f(by - s * 0.55)} ${f(bx)},${f(by)} Q${f(bx + s * 0.4)},${f(by - s * 0.55)} ${f(bx + s)},${f(by - s * 0.35)}" fill="none" stroke="${color}" stroke-width="${f(s * 0.22)}" stroke-linecap="round"/>`;
  }
  return out;
}

/** A standing figure; (x, y) is between the feet, h the height. */
export function person(
  x,
  y,
  h,
  { body = '#2b2f3a', legs = '#1c1f26', head = '#5a3b2a', lean = 0 },
) {
  const hw = h * 0.13;
  const hy = y - h;
  return `<g>
    <rect x="${f(x - hw * 0.85)}" y="${f(y - h * 0.48)}" width="${f(hw * 0.75)}" height="${f(h * 0.48)}" rx="${f(hw * 0.3)}" fill="${legs}"/>
    <rect x="${f(x + hw * 0.1)}" y="${f(y - h * 0.48)}" width="${f(hw * 0.75)}" height="${f(h * 0.48)}" rx="${f(hw * 0.3)}" fill="${legs}"/>
    <path d="M${f(x - hw)},${f(y - h * 0.42)} L${f(x - hw * 1.05 + lean)},${f(hy + h * 0.2)} Q${f(x + lean)},${f(hy + h * 0.13)} ${f(x + hw * 1.05 + lean)},${f(hy + h * 0.2)} L${f(x + hw)},${f(y - h * 0.42)} Z" fill="${body}"/>
    <circle cx="${f(x + lean)}" cy="${f(hy + h * 0.08)}" r="${f(h * 0.075)}" fill="${head}"/>
  </g>`;
}
