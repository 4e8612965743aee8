// Sport scenes: the football pitch from above, the marathon on the corniche, night cricket.
import { W, H, f, rng, linear, radial, radialBox, ridge, svg, speckle, palm } from './kit.mjs';

const M = 12.5; // pixels per metre on the pitch
const PX = 144; // left goal line x
const PY = 25; // top touchline y

function pitchLines() {
  const L = 105 * M;
  const Wd = 68 * M;
  const cy = PY + Wd / 2;
  const box = (x, dir) => {
    const bx = dir > 0 ? x : x - 16.5 * M;
    const gx = dir > 0 ? x : x - 5.5 * M;
    const spot = x + dir * 11 * M;
    return `<rect x="${bx}" y="${cy - 20.16 * M}" width="${16.5 * M}" height="${40.32 * M}"/>
      <rect x="${gx}" y="${cy - 9.16 * M}" width="${5.5 * M}" height="${18.32 * M}"/>
      <circle cx="${spot}" cy="${cy}" r="3" fill="#fff"/>
      <path d="M${x + dir * 16.5 * M},${cy - 7.3 * M} A${9.15 * M},${9.15 * M} 0 0 ${dir > 0 ? 1 : 0} ${x + dir * 16.5 * M},${cy + 7.3 * M}"/>`;
  };
  const goal = (x, dir) =>
    `<rect x="${dir > 0 ? x - 2 * M : x}" y="${cy - 3.66 * M}" width="${2 * M}" height="${7.32 * M}" fill="url(#net)" stroke-width="3"/>`;
  return `<g fill="none" stroke="#ffffff" stroke-opacity="0.9" stroke-width="4">
    <rect x="${PX}" y="${PY}" width="${L}" height="${Wd}"/>
    <line x1="${PX + L / 2}" y1="${PY}" x2="${PX + L / 2}" y2="${PY + Wd}"/>
    <circle cx="${PX + L / 2}" cy="${cy}" r="${9.15 * M}"/>
    <circle cx="${PX + L / 2}" cy="${cy}" r="4" fill="#fff"/>
    ${box(PX, 1)}${box(PX + L, -1)}${goal(PX, 1)}${goal(PX + L, -1)}
  </g>`;
}

function player(x, y, fill, stroke) {
  let shadows = '';
  for (const [dx, dy] of [
    [26, 20],
    [-26, 20],
    [26, -20],
    [-26, -20],
  ]) {
    shadows += `<line x1="${x}" y1="${y}" x2="${x + dx}" y2="${y + dy}" stroke="#0b2a0b" stroke-opacity="0.16" stroke-width="14" stroke-linecap="round"/>`;
  }
  return `${shadows}<circle cx="${x}" cy="${y}" r="12" fill="${fill}" stroke="${stroke}" stroke-width="3"/><circle cx="${x - 3}" cy="${y - 3}" r="3.5" fill="#fff" opacity="0.35"/>`;
}

export function pitch() {
  const r = rng(89);
  const jitter = ([x, y]) => [Math.round(x + r.range(-25, 25)), Math.round(y + r.range(-25, 25))];
  const red = [
    [560, 200],
    [560, 360],
    [560, 540],
    [560, 700],
    [850, 260],
    [850, 450],
    [850, 640],
    [1150, 220],
    [1130, 690],
    [1290, 420],
  ].map(jitter);
  const white = [
    [1260, 260],
    [1250, 400],
    [1265, 520],
    [1250, 660],
    [1080, 300],
    [1080, 470],
    [1080, 620],
    [800, 350],
    [800, 560],
    [760, 160],
  ].map(jitter);
  let stripes = '';
  for (let i = 0; i < 18; i++) {
    stripes += `<rect x="${i * 90 - 10}" y="0" width="90" height="${H}" fill="${i % 2 ? '#3f8d3d' : '#4a9a46'}"/>`;
  }
  for (let j = 0; j < 8; j++) {
    stripes += `<rect x="0" y="${j * 120}" width="${W}" height="60" fill="#ffffff" opacity="0.035"/>`;
  }
  const defs = [
    `<pattern id="net" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="#2d6a2d"/><path d="M0,0 L8,8 M8,0 L0,8" stroke="#e8e8e8" stroke-width="1"/></pattern>`,
    radial(
      'flood',
      [
        [0, '#fffbe0', 0.18],
        [1, '#fffbe0', 0],
      ],
      800,
      450,
      700,
    ),
  ].join('');
  const body = `
  ${stripes}
  ${speckle(r, { x: 0, y: 0, w: W, h: H, n: 2500, colors: ['#2f7a2f', '#5aab55', '#3a8a38'], size: [0.6, 1.4], opacity: [0.3, 0.7] })}
  <rect width="${W}" height="${H}" fill="url(#flood)"/>
  ${pitchLines()}
  ${red.map(([x, y]) => player(x, y, '#d43a2f', '#8e1f18')).join('')}
  ${white.map(([x, y]) => player(x, y, '#f4f4f4', '#24489a')).join('')}
  ${player(195, 450, '#f5d130', '#8a6d00')}
  ${player(1415, 440, '#2c2c2c', '#5ad17a')}
  <circle cx="${1270}" cy="${445}" r="10" fill="#0b2a0b" opacity="0.25"/>
  <circle cx="${1266}" cy="${441}" r="6.5" fill="#ffffff" stroke="#333" stroke-width="1.5"/>`;
  return svg(defs, body, { seed: 89, vignette: 0.4, grain: 0.05 });
}

/** A running figure in side view, facing right; (x, y) is where the lowest foot touches. */
function runner(r, x, y, s, color, bib) {
  const P = (p, len, deg) => {
    const a = (deg * Math.PI) / 180;
    return [p[0] + len * s * Math.sin(a), p[1] + len * s * Math.cos(a)];
  };
  const k = r.range(0.75, 1.1);
  const hip = [0, 0];
  const shoulder = P(hip, 0.3, 170);
  const head = P(shoulder, 0.12, 165);
  const kneeA = P(hip, 0.245, 32 * k);
  const footA = P(kneeA, 0.245, -4 * k);
  const kneeB = P(hip, 0.245, -24 * k);
  const footB = P(kneeB, 0.245, -95 * k);
  const elbowA = P(shoulder, 0.16, -38 * k);
  const handA = P(elbowA, 0.15, 55);
  const elbowB = P(shoulder, 0.16, 42 * k);
  const handB = P(elbowB, 0.15, 135);
  const dy = y - Math.max(footA[1], footB[1]) - s * 0.012;
  const pt = (p) => `${f(x + p[0])},${f(p[1] + dy)}`;
  const limb = (pts, w) =>
    `<polyline points="${pts.map(pt).join(' ')}" fill="none" stroke="${color}" stroke-width="${f(w * s)}" stroke-linecap="round" stroke-linejoin="round"/>`;
  const mid = [(hip[0] + shoulder[0]) / 2, (hip[1] + shoulder[1]) / 2];
  return `<g>
    <ellipse cx="${f(x + s * 0.02)}" cy="${f(y)}" rx="${f(s * 0.22)}" ry="${f(s * 0.025)}" fill="#2a1a22" opacity="0.25"/>
    ${limb([hip, kneeB, footB], 0.075)}${limb([shoulder, elbowB, handB], 0.055)}
    ${limb([hip, shoulder], 0.14)}
    ${limb([hip, kneeA, footA], 0.08)}${limb([shoulder, elbowA, handA], 0.058)}
    <circle cx="${f(x + head[0])}" cy="${f(head[1] + dy)}" r="${f(s * 0.068)}" fill="${color}"/>
    ${bib ? `<rect x="${f(x + mid[0] + s * 0.005)}" y="${f(mid[1] + dy - s * 0.04)}" width="${f(s * 0.05)}" height="${f(s * 0.07)}" fill="#f4ede4" opacity="0.9"/>` : ''}
  </g>`;
}

export function marathon() {
  const r = rng(97);
  const defs = [
    linear('sky', [
      [0, '#3f5f9c'],
      [0.5, '#c98a8a'],
      [0.85, '#f6b36a'],
      [1, '#ffd797'],
    ]),
    linear('sea', [
      [0, '#f3b27a'],
      [0.3, '#b9808a'],
      [1, '#5a4a6a'],
    ]),
    linear('road', [
      [0, '#5b4a5c'],
      [1, '#2f2432'],
    ]),
    radial(
      'sun',
      [
        [0, '#fff6d8', 1],
        [0.12, '#ffe2a2', 0.8],
        [0.4, '#ffb870', 0.35],
        [1, '#ff9a6a', 0],
      ],
      1120,
      545,
      420,
    ),
  ].join('');
  let rail = '';
  for (let x = 0; x <= W; x += 40)
    rail += `<rect x="${x}" y="650" width="5" height="42" fill="#2a1e2c"/>`;
  let lamps = '';
  for (const x of [140, 620, 1420]) {
    lamps += `<rect x="${x}" y="420" width="7" height="272" fill="#2a1e2c"/><path d="M${x + 3},424 q30,-14 48,4" stroke="#2a1e2c" stroke-width="6" fill="none"/><rect x="${x + 40}" y="426" width="20" height="8" fill="#2a1e2c"/>
      <rect x="${x + 8}" y="470" width="34" height="58" fill="${r.pick(['#c0392b', '#1f6f8b'])}" opacity="0.9"/>`;
  }
  const layer = (n, [y0, y1], [s0, s1], color, bib) => {
    let out = '';
    const xs = Array.from({ length: n }, () => r.range(40, W - 120)).sort((a, b) => a - b);
    for (const x of xs) out += runner(r, x, r.range(y0, y1), r.range(s0, s1), color, bib);
    return out;
  };
  const body = `
  <rect width="${W}" height="570" fill="url(#sky)"/>
  <circle cx="1120" cy="545" r="420" fill="url(#sun)"/>
  <circle cx="1120" cy="548" r="62" fill="#fff3cf"/>
  <path d="${ridge(r, { y: 530, amp: 60, x0: 0, x1: 560, bottom: 572 })}" fill="#6a4a6a"/>
  <rect y="566" width="${W}" height="130" fill="url(#sea)"/>
  ${speckle(r, { x: 900, y: 572, w: 440, h: 110, n: 260, colors: ['#ffe1a8', '#fff2d2'], size: [0.8, 2.2], opacity: [0.3, 0.9] })}
  ${palm(r, 380, 690, 280, '#2a1e2c', '#2a1e2c')}${palm(r, 900, 690, 230, '#2a1e2c', '#2a1e2c')}${palm(r, 1250, 690, 300, '#2a1e2c', '#2a1e2c')}
  ${lamps}
  <rect y="644" width="${W}" height="7" fill="#2a1e2c"/>
  ${rail}
  <rect y="690" width="${W}" height="${H - 690}" fill="url(#road)"/>
  <rect y="690" width="${W}" height="6" fill="#7a5e6e"/>
  <path d="M0,800 L${W},800" stroke="#f3d6a0" stroke-width="3" stroke-dasharray="60 40" opacity="0.35"/>
  ${layer(9, [722, 742], [110, 140], '#5e4257', false)}
  ${layer(6, [790, 815], [190, 230], '#3a2838', true)}
  ${layer(3, [878, 895], [300, 350], '#1c1420', true)}`;
  return svg(defs, body, { seed: 97, vignette: 0.35, grain: 0.06 });
}

function crowd(r, y0, y1, n) {
  let out = '';
  for (let i = 0; i < n; i++) {
    const x = r.range(0, W);
    const bow = 110 * (1 - ((x - 800) / 800) ** 2);
    const y = r.range(y0, y1) - bow;
    out += `<circle cx="${f(x)}" cy="${f(y)}" r="${f(r.range(1.2, 2.6))}" fill="${r.pick(['#6a5a7a', '#8a6a5a', '#4a5a7a', '#9a8a6a', '#c0c0c8', '#7a3a3a'])}" opacity="${f(r.range(0.35, 0.8))}"/>`;
  }
  return out;
}

function floodlight(x, top, baseY, w) {
  let lamps = '';
  for (let i = 0; i < 5; i++) {
    for (let j = 0; j < 3; j++) {
      lamps += `<circle cx="${f(x - w / 2 + (w / 5) * (i + 0.5))}" cy="${f(top + 6 + j * 10)}" r="3.5" fill="#ffffff"/>`;
    }
  }
  return `<line x1="${x}" y1="${top + 30}" x2="${x}" y2="${baseY}" stroke="#0a0d1c" stroke-width="${f(w * 0.12)}"/>
    <circle cx="${x}" cy="${top + 15}" r="${f(w * 2.2)}" fill="url(#lampGlow)"/>
    <rect x="${f(x - w / 2 - 4)}" y="${top - 4}" width="${f(w + 8)}" height="38" fill="#1a1f33"/>
    ${lamps}`;
}

function fielder(x, y, s) {
  return `<ellipse cx="${f(x + s * 0.3)}" cy="${f(y)}" rx="${f(s * 0.4)}" ry="${f(s * 0.1)}" fill="#0b2a12" opacity="0.4"/>
    <rect x="${f(x - s * 0.14)}" y="${f(y - s)}" width="${f(s * 0.28)}" height="${f(s * 0.85)}" rx="${f(s * 0.12)}" fill="#f2f2ee"/>
    <circle cx="${f(x)}" cy="${f(y - s * 1.05)}" r="${f(s * 0.12)}" fill="#1d2a55"/>`;
}

export function cricketNight() {
  const r = rng(101);
  const defs = [
    linear('sky', [
      [0, '#04071a'],
      [1, '#1a2750'],
    ]),
    radial(
      'outfield',
      [
        [0, '#4aa356'],
        [0.7, '#2f7a3a'],
        [1, '#1c4f25'],
      ],
      800,
      700,
      1000,
    ),
    radialBox('lampGlow', [
      [0, '#ffffff', 0.9],
      [0.25, '#fff6d6', 0.35],
      [1, '#fff6d6', 0],
    ]),
    `<clipPath id="field"><ellipse cx="800" cy="720" rx="1050" ry="290"/></clipPath>`,
  ].join('');
  let stripes = '';
  for (let i = -12; i < 14; i++) {
    stripes += `<path d="M${800 + i * 36},430 L${800 + i * 130},${H} L${800 + (i + 0.5) * 130},${H} L${800 + (i + 0.5) * 36},430 Z" fill="#ffffff" opacity="0.04"/>`;
  }
  const fielders = [
    [300, 640],
    [520, 560],
    [1080, 560],
    [1320, 650],
    [640, 820],
    [1000, 800],
    [180, 780],
    [1460, 770],
    [860, 520],
  ];
  let boards = '';
  for (let a = 200; a <= 340; a += 2.2) {
    const t = (a * Math.PI) / 180;
    boards += `<rect x="${f(800 + 1050 * Math.cos(t) - 14)}" y="${f(720 + 290 * Math.sin(t) - 12)}" width="28" height="12" fill="${r.pick(['#d0443a', '#2f6fb3', '#f0b429', '#ffffff', '#2aa198'])}" opacity="0.85"/>`;
  }
  const body = `
  <rect width="${W}" height="${H}" fill="url(#sky)"/>
  ${speckle(r, { x: 0, y: 0, w: W, h: 160, n: 60, colors: ['#ffffff'], size: [0.5, 1.2], opacity: [0.2, 0.6] })}
  <path d="M0,330 Q800,170 1600,330 L1600,560 L0,560 Z" fill="#141a30"/>
  <path d="M0,330 Q800,170 1600,330" stroke="#2a3356" stroke-width="10" fill="none"/>
  ${crowd(r, 350, 470, 2600)}
  <rect x="710" y="250" width="180" height="60" fill="#0c0f1c" stroke="#2a3356" stroke-width="3"/>
  ${speckle(r, { x: 720, y: 260, w: 160, h: 40, n: 90, colors: ['#ffb347'], size: [1.2, 1.8], opacity: [0.6, 1] })}
  <g opacity="0.55" filter="url(#blur30)">
    <path d="M160,80 L700,880 L1100,880 Z" fill="#fff6d6" opacity="0.18"/>
    <path d="M1440,80 L900,880 L500,880 Z" fill="#fff6d6" opacity="0.18"/>
  </g>
  <ellipse cx="800" cy="720" rx="1050" ry="290" fill="url(#outfield)"/>
  <g clip-path="url(#field)">${stripes}</g>
  ${boards}
  <ellipse cx="800" cy="735" rx="990" ry="262" fill="none" stroke="#ffffff" stroke-opacity="0.7" stroke-width="3"/>
  <ellipse cx="800" cy="650" rx="300" ry="110" fill="none" stroke="#ffffff" stroke-opacity="0.35" stroke-width="2" stroke-dasharray="8 10"/>
  <path d="M783,560 L817,560 L836,780 L764,780 Z" fill="#cdb98a"/>
  <path d="M779,575 L821,575 M768,755 L832,755" stroke="#ffffff" stroke-width="2.5"/>
  <path d="M796,563 L796,575 M800,563 L800,575 M804,563 L804,575" stroke="#f2e6c8" stroke-width="2"/>
  ${fielders.map(([x, y]) => fielder(x, y, 18 + (y - 450) * 0.07)).join('')}
  ${fielder(792, 572, 30)}${fielder(812, 548, 24)}${fielder(826, 700, 40)}
  ${floodlight(160, 60, 470, 90)}${floodlight(1440, 60, 470, 90)}
  ${floodlight(520, 120, 330, 60)}${floodlight(1080, 120, 330, 60)}`;
  return svg(defs, body, { seed: 101, vignette: 0.5, grain: 0.05 });
}
