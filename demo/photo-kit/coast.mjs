// Coastal scenes: the container port, the city at dusk, the fishing beach.
import { W, H, f, rng, linear, radial, ridge, svg, speckle, palm, birds } from './kit.mjs';

/** A ship-to-shore crane with its boom raised, standing on the quay at (x, y). */
function crane(x, y, s, color) {
  const line = (x1, y1, x2, y2, w) =>
    `<line x1="${f(x1)}" y1="${f(y1)}" x2="${f(x2)}" y2="${f(y2)}" stroke="${color}" stroke-width="${f(w)}" stroke-linecap="square"/>`;
  const legW = s * 0.045;
  return [
    line(x, y, x, y - s * 0.95, legW),
    line(x + s * 0.5, y, x + s * 0.5, y - s * 0.95, legW),
    line(x, y - s * 0.5, x + s * 0.5, y - s * 0.5, legW * 0.8),
    line(x, y - s * 0.5, x + s * 0.5, y - s * 0.95, legW * 0.4),
    line(x - s * 0.1, y - s * 0.97, x + s * 1.0, y - s * 0.97, legW * 1.1),
    `<rect x="${f(x + s * 0.55)}" y="${f(y - s * 1.1)}" width="${f(s * 0.32)}" height="${f(s * 0.12)}" fill="${color}"/>`,
    line(x + s * 0.05, y - s * 0.97, x + s * 0.3, y - s * 1.7, legW * 0.7),
    line(x + s * 0.5, y - s * 0.97, x + s * 0.3, y - s * 1.7, legW * 0.7),
    line(x - s * 0.02, y - s * 1.0, x - s * 0.32, y - s * 2.25, legW * 0.9),
    line(x + s * 0.3, y - s * 1.7, x - s * 0.3, y - s * 2.15, legW * 0.25),
    line(x + s * 0.3, y - s * 1.7, x + s * 1.0, y - s * 0.97, legW * 0.25),
    `<rect x="${f(x - s * 0.06)}" y="${f(y - s * 0.9)}" width="${f(s * 0.12)}" height="${f(s * 0.1)}" fill="${color}"/>`,
  ].join('');
}

/** Rows of containers from x0 to x1 standing on baseline y. */
function containers(r, { x0, x1, y, w, h, maxRows, colors, shade = 0.35 }) {
  let out = '';
  for (let x = x0; x + w <= x1; x += w + 2) {
    const rows = r.int(1, maxRows);
    for (let k = 0; k < rows; k++) {
      const top = y - (k + 1) * (h + 1);
      out += `<rect x="${f(x)}" y="${f(top)}" width="${w}" height="${h}" fill="${r.pick(colors)}"/>`;
      out += `<rect x="${f(x)}" y="${f(top)}" width="${w}" height="${h}" fill="#1a1630" opacity="${shade}"/>`;
      for (let rib = 4; rib < w; rib += 5) {
        out += `<line x1="${f(x + rib)}" y1="${f(top + 2)}" x2="${f(x + rib)}" y2="${f(top + h - 2)}" stroke="#000" stroke-opacity="0.15" stroke-width="1"/>`;
      }
    }
  }
  return out;
}

function glitter(r, { cx, y0, y1, spread, color, n }) {
  let out = '';
  for (let i = 0; i < n; i++) {
    const t = r();
    const y = y0 + (y1 - y0) * t ** 1.6;
    const w = r.range(10, 60) * (0.4 + t);
    const x = cx + r.range(-spread, spread) * (0.3 + t) - w / 2;
    out += `<rect x="${f(x)}" y="${f(y)}" width="${f(w)}" height="${f(r.range(1.5, 4) * (0.5 + t))}" rx="1.5" fill="${color}" opacity="${f(r.range(0.25, 0.8) * (1 - t * 0.5))}"/>`;
  }
  return out;
}

export function harbour() {
  const r = rng(11);
  const colors = ['#9c3b32', '#2f7a7e', '#3b569c', '#c0933a', '#7a7a7a', '#b0602a', '#5d8a3a'];
  const defs = [
    linear('sky', [
      [0, '#1f2a58'],
      [0.45, '#6c4a7c'],
      [0.78, '#e3866b'],
      [1, '#ffcf92'],
    ]),
    linear('sea', [
      [0, '#f2ad7d'],
      [0.12, '#9a7088'],
      [0.5, '#3b3a5e'],
      [1, '#161c38'],
    ]),
    radial(
      'sunGlow',
      [
        [0, '#fff3c4', 0.95],
        [0.2, '#ffd08a', 0.55],
        [1, '#ff9a6a', 0],
      ],
      1230,
      500,
      330,
    ),
    linear('hull', [
      [0, '#3a2230'],
      [1, '#1a1220'],
    ]),
  ].join('');
  const body = `
  <rect width="${W}" height="560" fill="url(#sky)"/>
  <circle cx="1230" cy="500" r="330" fill="url(#sunGlow)"/>
  <circle cx="1230" cy="505" r="48" fill="#fff4d2"/>
  <path d="${ridge(r, { y: 455, amp: 110, bottom: 600 })}" fill="#8a6286" opacity="0.75"/>
  <path d="${ridge(r, { y: 505, amp: 60, bottom: 600 })}" fill="#5c4569"/>
  <rect y="540" width="${W}" height="${H - 540}" fill="url(#sea)"/>
  ${glitter(r, { cx: 1230, y0: 545, y1: 900, spread: 120, color: '#ffd9a0', n: 160 })}
  ${birds(r, { x: 300, y: 160, w: 500, h: 140, n: 9, color: '#2a2040' })}
  <rect x="560" y="640" width="1040" height="50" fill="#2a2336"/>
  <rect x="560" y="640" width="1040" height="5" fill="#6b5266"/>
  ${containers(r, { x0: 1390, x1: 1600, y: 640, w: 40, h: 22, maxRows: 4, colors, shade: 0.45 })}
  ${crane(690, 642, 215, '#2b2440')}
  ${crane(960, 642, 230, '#2b2440')}
  ${crane(1215, 642, 205, '#2b2440')}
  <path d="M600,628 L1390,628 L1378,706 L650,706 Q612,690 600,628 Z" fill="url(#hull)"/>
  <rect x="612" y="690" width="770" height="6" fill="#7a2a2a" opacity="0.8"/>
  ${containers(r, { x0: 650, x1: 1285, y: 628, w: 36, h: 20, maxRows: 4, colors, shade: 0.4 })}
  <rect x="1300" y="548" width="70" height="80" fill="#d9c8c8"/>
  <rect x="1300" y="548" width="70" height="80" fill="#2a1f38" opacity="0.45"/>
  <rect x="1292" y="548" width="86" height="8" fill="#bfb0b6"/>
  <rect x="1306" y="562" width="58" height="6" fill="#ffdca0" opacity="0.8"/>
  <rect x="1340" y="520" width="12" height="28" fill="#2a2336"/>
  <path d="M600,708 L1380,708 L1370,760 L640,760 Z" fill="#120c1c" opacity="0.35" filter="url(#blur4)"/>
  <g transform="translate(240,770)">
    <path d="M-70,0 L70,0 L58,24 L-60,24 Z" fill="#231a2c"/>
    <rect x="-30" y="-26" width="46" height="26" fill="#2f2538"/>
    <rect x="-22" y="-20" width="30" height="6" fill="#ffd9a0" opacity="0.7"/>
    <rect x="-6" y="-44" width="8" height="18" fill="#231a2c"/>
    <path d="M70,16 Q180,22 330,14" stroke="#f6c79a" stroke-opacity="0.5" stroke-width="3" fill="none"/>
  </g>`;
  return svg(defs, body, { seed: 11 });
}

function cityBlock(r, x, w, hgt, base) {
  let out = `<rect x="${f(x)}" y="${f(base - hgt)}" width="${f(w)}" height="${f(hgt)}" fill="${r.pick(['#2a2447', '#30284f', '#261f40'])}"/>`;
  for (let wy = base - hgt + 8; wy < base - 8; wy += 14) {
    for (let wx = x + 6; wx < x + w - 8; wx += 12) {
      if (r() < 0.33) {
        out += `<rect x="${f(wx)}" y="${f(wy)}" width="5" height="7" fill="${r.pick(['#ffd98a', '#ffe9b8', '#f7b36b'])}" opacity="${f(r.range(0.6, 1))}"/>`;
      }
    }
  }
  return out;
}

function skyline(r, base) {
  let out = '';
  let x = 0;
  while (x < W) {
    const tower = r() < 0.12;
    const w = tower ? r.range(40, 70) : r.range(40, 110);
    const h = tower ? r.range(170, 260) : r.range(30, 110);
    if (x < 700 || x > 960) out += cityBlock(r, x, w, h, base);
    x += w + r.range(2, 14);
  }
  out += `<rect x="740" y="${base - 70}" width="140" height="70" fill="#241d3d"/>
    <path d="M750,${base - 70} A60,64 0 0 1 870,${base - 70} Z" fill="#241d3d"/>
    <rect x="807" y="${base - 150}" width="6" height="20" fill="#241d3d"/>
    <rect x="910" y="${base - 240}" width="18" height="240" fill="#241d3d"/>
    <rect x="904" y="${base - 200}" width="30" height="8" fill="#241d3d"/>
    <path d="M908,${base - 240} L919,${base - 275} L930,${base - 240} Z" fill="#241d3d"/>
    <rect x="914" y="${base - 190}" width="10" height="4" fill="#ffe2a0" opacity="0.9"/>`;
  return out;
}

export function skylineDusk() {
  const r = rng(23);
  const base = 640;
  const defs = [
    linear('sky', [
      [0, '#161a46'],
      [0.4, '#553a7a'],
      [0.72, '#c65f7c'],
      [1, '#f7aa6c'],
    ]),
    linear('sea', [
      [0, '#7a4c78'],
      [0.4, '#2c2550'],
      [1, '#110f26'],
    ]),
    radial(
      'moonGlow',
      [
        [0, '#fff3cf', 0.45],
        [1, '#fff3cf', 0],
      ],
      300,
      150,
      120,
    ),
    `<mask id="crescent"><circle cx="300" cy="150" r="30" fill="#fff"/><circle cx="313" cy="141" r="27" fill="#000"/></mask>`,
  ].join('');
  let reflections = '';
  for (let i = 0; i < 220; i++) {
    const x = r.range(0, W);
    reflections += `<rect x="${f(x)}" y="${f(r.range(base + 24, 880))}" width="${f(r.range(2, 5))}" height="${f(r.range(6, 26))}" fill="${r.pick(['#ffd98a', '#f7b36b', '#e58a8a'])}" opacity="${f(r.range(0.15, 0.55))}"/>`;
  }
  let lamps = '';
  for (let x = 30; x < W; x += 95) {
    lamps += `<line x1="${x}" y1="${base + 20}" x2="${x}" y2="${base - 12}" stroke="#1a1530" stroke-width="3"/><circle cx="${x}" cy="${base - 14}" r="4" fill="#ffe6a8"/><circle cx="${x}" cy="${base - 14}" r="14" fill="#ffcf7a" opacity="0.25"/>`;
  }
  const body = `
  <rect width="${W}" height="${base + 20}" fill="url(#sky)"/>
  ${speckle(r, { x: 0, y: 0, w: W, h: 300, n: 140, colors: ['#ffffff', '#ffeccc'], size: [0.5, 1.6], opacity: [0.2, 0.9] })}
  <circle cx="300" cy="150" r="120" fill="url(#moonGlow)"/>
  <rect x="260" y="110" width="80" height="80" fill="#fff6dc" mask="url(#crescent)"/>
  <path d="${ridge(r, { y: 430, amp: 170, rough: 0.58, bottom: base + 10 })}" fill="#5a3f73" opacity="0.85"/>
  <path d="${ridge(r, { y: 520, amp: 90, bottom: base + 10 })}" fill="#3a2b58"/>
  ${skyline(r, base)}
  <rect y="${base}" width="${W}" height="22" fill="#17132b"/>
  ${lamps}
  <rect y="${base + 22}" width="${W}" height="${H - base - 22}" fill="url(#sea)"/>
  ${reflections}
  ${palm(r, 150, base + 4, 210, '#120f22', '#120f22')}
  ${palm(r, 520, base + 4, 170, '#120f22', '#120f22')}
  ${palm(r, 1320, base + 4, 190, '#120f22', '#120f22')}
  ${palm(r, 1500, base + 4, 240, '#120f22', '#120f22')}`;
  return svg(defs, body, { seed: 23, vignette: 0.45 });
}

/** An Omani fibreglass fishing skiff lying on the beach; (x, y) is the middle of the keel. */
function skiff(x, y, s, stripe, flip = false) {
  const k = flip ? -1 : 1;
  const p = (dx, dy) => `${f(x + dx * s * k)},${f(y + dy * s)}`;
  return `<g>
    <ellipse cx="${f(x + s * 0.05 * k)}" cy="${f(y + s * 0.005)}" rx="${f(s * 0.6)}" ry="${f(s * 0.045)}" fill="#6b5433" opacity="0.4"/>
    <path d="M${p(-0.53, -0.27)} L${p(0.42, -0.3)} L${p(0.45, -0.25)} L${p(-0.55, -0.22)} Z" fill="#8d97a0"/>
    <path d="M${p(-0.55, -0.22)} L${p(0.45, -0.25)} Q${p(0.62, -0.28)} ${p(0.66, -0.4)} Q${p(0.55, -0.05)} ${p(0.3, 0)} L${p(-0.5, 0)} Q${p(-0.56, -0.05)} ${p(-0.55, -0.22)} Z" fill="#f4f1ea"/>
    <path d="M${p(-0.54, -0.15)} L${p(0.5, -0.18)} L${p(0.56, -0.13)} L${p(-0.53, -0.1)} Z" fill="${stripe}"/>
    <path d="M${p(-0.5, 0)} L${p(0.3, 0)} Q${p(0.45, -0.02)} ${p(0.52, -0.07)} L${p(-0.53, -0.05)} Z" fill="#33506e" opacity="0.8"/>
    <path d="M${p(-0.53, -0.2)} L${p(-0.62, -0.24)} L${p(-0.66, -0.36)} L${p(-0.56, -0.38)} L${p(-0.52, -0.26)} Z" fill="#3a3d42"/>
    <path d="M${p(-0.6, -0.25)} L${p(-0.74, -0.16)}" stroke="#55595f" stroke-width="${f(s * 0.02)}"/>
    <path d="M${p(-0.55, -0.22)} L${p(0.45, -0.25)}" stroke="#c9c3b6" stroke-width="${f(s * 0.015)}"/>
  </g>`;
}

function dhow(x, y, s) {
  return `<g opacity="0.9">
    <path d="M${x - s},${y - s * 0.28} Q${x - s * 0.6},${y + s * 0.05} ${x},${y + s * 0.05} Q${x + s * 0.7},${y + s * 0.05} ${x + s * 1.05},${y - s * 0.35} L${x + s * 0.9},${y - s * 0.18} L${x - s * 0.7},${y - s * 0.16} Z" fill="#7a4a2a"/>
    <path d="M${x - s * 0.7},${y - s * 0.16} L${x + s * 0.9},${y - s * 0.18}" stroke="#d9b98a" stroke-width="3"/>
    <line x1="${x}" y1="${y - s * 0.17}" x2="${x - s * 0.05}" y2="${y - s * 1.05}" stroke="#4a2e1a" stroke-width="5"/>
    <line x1="${x - s * 0.6}" y1="${y - s * 0.55}" x2="${x + s * 0.45}" y2="${y - s * 1.1}" stroke="#4a2e1a" stroke-width="3"/>
    <path d="M${x - s * 0.58},${y - s * 0.56} L${x + s * 0.43},${y - s * 1.09} Q${x + s * 0.35},${y - s * 0.6} ${x + s * 0.12},${y - s * 0.22} Q${x - s * 0.2},${y - s * 0.3} ${x - s * 0.58},${y - s * 0.56} Z" fill="#efe6d2"/>
    <path d="M${x - s * 0.58},${y - s * 0.56} L${x + s * 0.43},${y - s * 1.09}" stroke="#4a2e1a" stroke-width="3"/>
  </g>`;
}

function net(r, x, y, w, h, color) {
  let d = `M${x},${y} `;
  for (let i = 0; i <= 10; i++) {
    const a = Math.PI * (i / 10);
    d += `L${f(x + w / 2 - Math.cos(a) * (w / 2))},${f(y - Math.sin(a) * h * r.range(0.8, 1.1))} `;
  }
  let mesh = '';
  for (let i = 0; i < 26; i++) {
    const cx = r.range(x + w * 0.1, x + w * 0.9);
    const cy = r.range(y - h * 0.8, y - 4);
    mesh += `<path d="M${f(cx - 12)},${f(cy)} q12,-7 24,0" stroke="#000" stroke-opacity="0.25" fill="none" stroke-width="1.2"/>`;
  }
  return `<path d="${d}Z" fill="${color}"/>${mesh}`;
}

export function fishingBeach() {
  const r = rng(37);
  const defs = [
    linear('sky', [
      [0, '#6fb6e2'],
      [0.6, '#bfe2f3'],
      [1, '#f4efe0'],
    ]),
    linear('sea', [
      [0, '#1f8ea6'],
      [0.6, '#3fb4bb'],
      [1, '#7fd6cc'],
    ]),
    linear('sand', [
      [0, '#d9bf8e'],
      [0.25, '#ead6ae'],
      [1, '#dcc196'],
    ]),
    radial(
      'sun',
      [
        [0, '#fffbe8', 1],
        [0.15, '#fff4cc', 0.6],
        [1, '#fff4cc', 0],
      ],
      260,
      90,
      260,
    ),
  ].join('');
  let waves = '';
  for (let i = 0; i < 40; i++) {
    const y = r.range(440, 600);
    const x = r.range(-50, W);
    const w = r.range(40, 160) * (0.5 + (y - 440) / 160);
    waves += `<path d="M${f(x)},${f(y)} q${f(w / 2)},-4 ${f(w)},0" stroke="#ffffff" stroke-opacity="${f(r.range(0.25, 0.6))}" stroke-width="2" fill="none"/>`;
  }
  const body = `
  <rect width="${W}" height="440" fill="url(#sky)"/>
  <circle cx="260" cy="90" r="260" fill="url(#sun)"/>
  <path d="${ridge(r, { y: 395, amp: 70, x0: 0, x1: 760, bottom: 442 })}" fill="#a79985"/>
  <path d="${ridge(r, { y: 415, amp: 40, x0: 0, x1: 520, bottom: 442 })}" fill="#8f806c"/>
  <rect y="438" width="${W}" height="200" fill="url(#sea)"/>
  ${waves}
  ${dhow(1180, 500, 150)}
  ${birds(r, { x: 600, y: 120, w: 700, h: 160, n: 12, color: '#4a4a4a', size: 10 })}
  <path d="M0,612 Q200,596 420,608 T860,600 T1300,606 T1600,598 L1600,${H} L0,${H} Z" fill="url(#sand)"/>
  <path d="M0,612 Q200,596 420,608 T860,600 T1300,606 T1600,598" stroke="#ffffff" stroke-width="5" stroke-opacity="0.8" fill="none"/>
  <path d="M0,618 Q200,604 420,616 T860,608 T1300,614 T1600,606 L1600,640 L0,640 Z" fill="#c4a878" opacity="0.45"/>
  ${speckle(r, { x: 0, y: 620, w: W, h: 280, n: 1600, colors: ['#b89a6a', '#f5e6c8', '#a88a5a'], size: [0.6, 1.8] })}
  ${skiff(360, 700, 260, '#2f6fb3')}
  ${skiff(880, 740, 330, '#c23b32', true)}
  ${net(r, 1120, 800, 220, 70, '#e0702a')}
  ${net(r, 560, 860, 180, 50, '#3f8f5a')}
  ${skiff(1420, 690, 240, '#2a8a7a')}
  ${palm(r, 1560, 640, 300, '#3d6130', '#6b5238')}
  <path d="M60,880 Q140,840 260,870" stroke="#8a6a40" stroke-width="4" fill="none" opacity="0.6"/>`;
  return svg(defs, body, { seed: 37, vignette: 0.25, grain: 0.06 });
}
