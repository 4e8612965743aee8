// Inland scenes: the storm over the mountains, the water works, the wind farm, the old fort.
import { W, H, f, rng, linear, radial, ridge, svg, speckle, palm, birds, person } from './kit.mjs';

function cloudBank(r, { y0, y1, n, colors, rx = [80, 260], ry = [30, 90] }) {
  let out = '';
  for (let i = 0; i < n; i++) {
    const y = r.range(y0, y1);
    out += `<ellipse cx="${f(r.range(-100, W + 100))}" cy="${f(y)}" rx="${f(r.range(...rx))}" ry="${f(r.range(...ry))}" fill="${r.pick(colors)}" opacity="${f(r.range(0.5, 0.95))}"/>`;
  }
  return out;
}

function rain(r, { x, w, top, bottom, n, slant = 0.25 }) {
  let out = '';
  for (let i = 0; i < n; i++) {
    const x1 = r.range(x, x + w);
    const y1 = r.range(top, bottom - 60);
    const len = r.range(30, 90);
    out += `<line x1="${f(x1)}" y1="${f(y1)}" x2="${f(x1 - len * slant)}" y2="${f(y1 + len)}" stroke="#c8d0d6" stroke-opacity="${f(r.range(0.12, 0.35))}" stroke-width="1.3"/>`;
  }
  return out;
}

export function stormCoast() {
  const r = rng(41);
  const defs = [
    linear('sky', [
      [0, '#262e38'],
      [0.55, '#4a5562'],
      [1, '#9aa3a6'],
    ]),
    linear('road', [
      [0, '#4a4a4e'],
      [1, '#2a2a2e'],
    ]),
    linear('ground', [
      [0, '#5e5446'],
      [1, '#2f2a24'],
    ]),
    linear('rainFade', [
      [0, '#fff', 0],
      [0.3, '#fff', 1],
      [1, '#fff', 0.6],
    ]),
    `<mask id="rainMask"><rect width="${W}" height="${H}" fill="url(#rainFade)"/></mask>`,
  ].join('');
  const bolt = 'M1105,250 L1128,318 L1112,322 L1150,400 L1136,404 L1185,486';
  const body = `
  <rect width="${W}" height="620" fill="url(#sky)"/>
  <rect y="410" width="${W}" height="70" fill="#d3d5c9" opacity="0.55" filter="url(#blur30)"/>
  <g filter="url(#blur12)">${cloudBank(r, { y0: -40, y1: 300, n: 70, colors: ['#2c333c', '#3d4650', '#56606b', '#6f7983'] })}</g>
  <path d="${bolt}" stroke="#e9f0ff" stroke-width="14" fill="none" opacity="0.35" filter="url(#blur12)"/>
  <path d="${bolt}" stroke="#ffffff" stroke-width="3.5" fill="none" stroke-linejoin="bevel"/>
  <g mask="url(#rainMask)">${rain(r, { x: 0, w: 900, top: 220, bottom: 640, n: 700 })}</g>
  <path d="${ridge(r, { y: 470, amp: 180, rough: 0.6, bottom: 660 })}" fill="#40454d"/>
  <path d="${ridge(r, { y: 560, amp: 80, bottom: 660 })}" fill="#30343a"/>
  <rect y="620" width="${W}" height="${H - 620}" fill="url(#ground)"/>
  ${speckle(r, { x: 0, y: 630, w: W, h: 270, n: 900, colors: ['#7a6e5c', '#3a332b', '#8d8270'], size: [0.8, 2.4] })}
  <path d="M0,700 C300,660 500,740 760,700 S1250,650 1600,690 L1600,720 C1250,690 1000,760 760,740 S300,700 0,735 Z" fill="#8e9a9e" opacity="0.85"/>
  <path d="M0,712 C300,676 500,752 760,716 S1250,664 1600,700" stroke="#d9e2e4" stroke-width="2" fill="none" opacity="0.6"/>
  <path d="M520,${H} L930,628 L990,628 L1420,${H} Z" fill="url(#road)"/>
  <path d="M958,634 L962,660 M966,690 L972,730 M980,770 L990,830 M1000,870 L1006,${H}" stroke="#e8d27a" stroke-width="5" opacity="0.8"/>
  <path d="M600,${H} L932,632 M1345,${H} L988,632" stroke="#d8d8d8" stroke-width="3" opacity="0.5"/>
  <rect x="1180" y="700" width="8" height="150" fill="#6c6c6c"/>
  <path d="M1184,640 L1236,726 L1132,726 Z" fill="#f1c232" stroke="#c0392b" stroke-width="7" stroke-linejoin="round"/>
  <rect x="1180" y="668" width="8" height="32" fill="#222"/>
  <circle cx="1184" cy="712" r="4.5" fill="#222"/>
  <g mask="url(#rainMask)">${rain(r, { x: 0, w: W, top: 0, bottom: H, n: 500, slant: 0.3 })}</g>`;
  return svg(defs, body, { seed: 41, vignette: 0.5 });
}

function pipeEnds(x0, yBase, radius, rows) {
  let out = '';
  rows.forEach((count, row) => {
    const y = yBase - radius - row * radius * 1.74;
    const start = x0 + row * radius;
    for (let i = 0; i < count; i++) {
      const cx = start + i * radius * 2;
      out += `<circle cx="${f(cx)}" cy="${f(y)}" r="${radius}" fill="#2f6fb3"/>
        <circle cx="${f(cx)}" cy="${f(y)}" r="${f(radius * 0.86)}" fill="url(#pipeInside)"/>
        <circle cx="${f(cx)}" cy="${f(y)}" r="${radius}" fill="none" stroke="#5b97d6" stroke-width="3"/>`;
    }
  });
  return out;
}

function excavator(x, y, s) {
  return `<g>
    <rect x="${x - s * 0.5}" y="${y - s * 0.16}" width="${s}" height="${s * 0.16}" rx="${s * 0.08}" fill="#2d2d2d"/>
    <rect x="${x - s * 0.45}" y="${y - s * 0.42}" width="${s * 0.9}" height="${s * 0.26}" fill="#e8a41c"/>
    <rect x="${x - s * 0.05}" y="${y - s * 0.72}" width="${s * 0.4}" height="${s * 0.32}" fill="#e8a41c"/>
    <rect x="${x + s * 0.01}" y="${y - s * 0.66}" width="${s * 0.28}" height="${s * 0.2}" fill="#9fd0ea" opacity="0.85"/>
    <path d="M${x - s * 0.3},${y - s * 0.4} L${x - s * 0.75},${y - s * 1.05} L${x - s * 1.25},${y - s * 0.6}" stroke="#e8a41c" stroke-width="${s * 0.1}" fill="none" stroke-linejoin="round"/>
    <path d="M${x - s * 1.3},${y - s * 0.62} L${x - s * 1.1},${y - s * 0.32} L${x - s * 1.42},${y - s * 0.36} Z" fill="#4a4a4a"/>
  </g>`;
}

export function waterworks() {
  const r = rng(53);
  const defs = [
    linear('sky', [
      [0, '#4f98d3'],
      [0.7, '#a9d5ef'],
      [1, '#e8f3f6'],
    ]),
    linear('sand', [
      [0, '#e0c69b'],
      [1, '#c59f6c'],
    ]),
    linear('pipeInside', [
      [0, '#0d2238'],
      [1, '#2a4f78'],
    ]),
    linear(
      'tank',
      [
        [0, '#f4f6f7'],
        [0.6, '#d6dde2'],
        [1, '#a9b4bc'],
      ],
      [0, 0, 1, 0],
    ),
    linear('pipeBody', [
      [0, '#5b97d6'],
      [0.5, '#2f6fb3'],
      [1, '#1d4b80'],
    ]),
    radial(
      'sun',
      [
        [0, '#fffef4', 1],
        [0.2, '#fff7d6', 0.5],
        [1, '#fff7d6', 0],
      ],
      1420,
      110,
      260,
    ),
  ].join('');
  const body = `
  <rect width="${W}" height="600" fill="url(#sky)"/>
  <circle cx="1420" cy="110" r="260" fill="url(#sun)"/>
  <path d="${ridge(r, { y: 470, amp: 150, rough: 0.6, bottom: 620 })}" fill="#b9a28b" opacity="0.8"/>
  <path d="${ridge(r, { y: 540, amp: 70, bottom: 620 })}" fill="#a08570"/>
  <rect y="580" width="${W}" height="${H - 580}" fill="url(#sand)"/>
  ${speckle(r, { x: 0, y: 590, w: W, h: 310, n: 1500, colors: ['#b38d5c', '#f0dcb6', '#9c7a4c'] })}
  <rect x="1300" y="450" width="230" height="150" fill="url(#tank)"/>
  <ellipse cx="1415" cy="450" rx="115" ry="18" fill="#eef2f4"/>
  <ellipse cx="1415" cy="600" rx="115" ry="16" fill="#a9b4bc"/>
  <rect x="1300" y="520" width="230" height="14" fill="#2f6fb3" opacity="0.8"/>
  <rect x="1150" y="330" width="40" height="270" fill="url(#tank)"/>
  <path d="M1080,270 L1260,270 L1250,330 Q1170,380 1090,330 Z" fill="url(#tank)"/>
  <rect x="1070" y="218" width="200" height="56" rx="10" fill="url(#tank)"/>
  <rect x="1070" y="244" width="200" height="10" fill="#2f6fb3"/>
  <path d="M0,790 L700,690 L1600,640 L1600,700 L700,740 L0,860 Z" fill="#6d4f33" opacity="0.85"/>
  <path d="M620,735 L1600,655 L1600,695 L640,775 Z" fill="url(#pipeBody)"/>
  <ellipse cx="630" cy="755" rx="12" ry="21" fill="#1a3a5e"/>
  ${excavator(980, 650, 150)}
  ${person(720, 690, 70, { body: '#f07a1a', legs: '#2c3e50', head: '#f1c40f' })}
  ${person(790, 684, 66, { body: '#f07a1a', legs: '#2c3e50', head: '#ffffff' })}
  ${pipeEnds(70, 880, 62, [4, 3, 2])}
  ${birds(r, { x: 200, y: 90, w: 500, h: 120, n: 5, color: '#3a4a5a' })}`;
  return svg(defs, body, { seed: 53, vignette: 0.25, grain: 0.06 });
}

function turbine(x, y, h, angle) {
  const hubY = y - h;
  const blade = h * 0.46;
  let blades = '';
  for (let k = 0; k < 3; k++) {
    const a = angle + k * 120;
    blades += `<path d="M0,0 L${f(-h * 0.018)},${f(-blade * 0.15)} Q${f(-h * 0.01)},${f(-blade * 0.7)} 0,${f(-blade)} Q${f(h * 0.022)},${f(-blade * 0.6)} ${f(h * 0.02)},${f(-blade * 0.12)} Z" fill="#f6f8f9" stroke="#c4ccd2" stroke-width="0.8" transform="translate(${f(x)},${f(hubY)}) rotate(${f(a)})"/>`;
  }
  return `<g>
    <path d="M${f(x - h * 0.025)},${y} L${f(x - h * 0.012)},${f(hubY)} L${f(x + h * 0.012)},${f(hubY)} L${f(x + h * 0.025)},${y} Z" fill="#eef1f3"/>
    <path d="M${f(x + h * 0.004)},${y} L${f(x + h * 0.003)},${f(hubY)} L${f(x + h * 0.012)},${f(hubY)} L${f(x + h * 0.025)},${y} Z" fill="#b9c2c9"/>
    <rect x="${f(x - h * 0.03)}" y="${f(hubY - h * 0.025)}" width="${f(h * 0.1)}" height="${f(h * 0.045)}" rx="${f(h * 0.015)}" fill="#e4e8eb"/>
    ${blades}
    <circle cx="${f(x)}" cy="${f(hubY)}" r="${f(h * 0.02)}" fill="#d8dde1"/>
  </g>`;
}

function cumulus(r, cx, cy, s) {
  let out = '';
  for (let i = 0; i < 9; i++) {
    const x = cx + r.range(-1, 1) * s;
    const y = cy - r.range(0, 0.5) * s;
    const rad = r.range(0.3, 0.6) * s;
    out += `<circle cx="${f(x)}" cy="${f(y)}" r="${f(rad)}" fill="#ffffff"/>`;
  }
  return `<g filter="url(#blur4)">${out}<ellipse cx="${cx}" cy="${f(cy + s * 0.2)}" rx="${f(s * 1.3)}" ry="${f(s * 0.25)}" fill="#d7e3ec"/></g>`;
}

function solarRows(y0, rows) {
  let out = '';
  for (let i = 0; i < rows; i++) {
    const y = y0 + i * 52;
    const h = 26 + i * 6;
    out += `<path d="M-20,${y + h} L1620,${y + h - 30} L1620,${y - 30} L-20,${y} Z" fill="#1e3a66"/>`;
    out += `<path d="M-20,${y + h * 0.3} L1620,${y + h * 0.3 - 30}" stroke="#8fb8e8" stroke-opacity="0.35" stroke-width="2"/>`;
    for (let x = 40; x < 1600; x += 80) {
      out += `<line x1="${x}" y1="${f(y - (30 * (x + 20)) / 1640)}" x2="${x}" y2="${f(y + h - (30 * (x + 20)) / 1640)}" stroke="#0f2340" stroke-width="2"/>`;
    }
  }
  return out;
}

export function windFarm() {
  const r = rng(67);
  const defs = [
    linear('sky', [
      [0, '#3a80c2'],
      [0.65, '#9ecbea'],
      [1, '#ecf4f6'],
    ]),
  ].join('');
  const mills = [
    [180, 585, 170],
    [420, 600, 230],
    [690, 578, 150],
    [880, 590, 190],
    [1080, 610, 300],
    [1330, 640, 420],
    [1540, 600, 220],
  ];
  const body = `
  <rect width="${W}" height="640" fill="url(#sky)"/>
  ${cumulus(r, 260, 170, 90)}${cumulus(r, 820, 120, 70)}${cumulus(r, 1250, 210, 110)}
  <path d="${ridge(r, { y: 575, amp: 45, bottom: 700 })}" fill="#cdb690"/>
  ${mills
    .slice(0, 4)
    .map(([x, y, h]) => turbine(x, y, h, r.range(0, 120)))
    .join('')}
  <path d="${ridge(r, { y: 630, amp: 40, bottom: 760 })}" fill="#b8965f"/>
  ${mills
    .slice(4)
    .map(([x, y, h]) => turbine(x, y, h, r.range(0, 120)))
    .join('')}
  <path d="${ridge(r, { y: 700, amp: 30, bottom: H })}" fill="#a67c48"/>
  ${speckle(r, { x: 0, y: 700, w: W, h: 200, n: 700, colors: ['#8a6538', '#c9a36e'] })}
  ${solarRows(770, 3)}
  ${birds(r, { x: 500, y: 260, w: 400, h: 100, n: 6, color: '#3a4a5a' })}`;
  return svg(defs, body, { seed: 67, vignette: 0.2, grain: 0.05 });
}

function merlons(x0, x1, y, color) {
  let out = '';
  for (let x = x0; x < x1 - 10; x += 34) {
    out += `<path d="M${x},${y} L${x},${y - 16} Q${x + 10},${y - 26} ${x + 20},${y - 16} L${x + 20},${y} Z" fill="${color}"/>`;
  }
  return out;
}

function bricks(r, x, y, w, h, n) {
  let out = '';
  for (let i = 0; i < n; i++) {
    out += `<rect x="${f(r.range(x, x + w - 20))}" y="${f(r.range(y, y + h))}" width="${f(r.range(8, 26))}" height="2" fill="#6b4a2a" opacity="${f(r.range(0.08, 0.25))}"/>`;
  }
  return out;
}

function bush(r, x, y, w) {
  let out = '';
  for (let i = 0; i < 9; i++) {
    const rad = r.range(0.25, 0.45) * w;
    out += `<circle cx="${f(x + r.range(-0.7, 0.7) * w)}" cy="${f(y - r.range(0, 0.4) * w)}" r="${f(rad)}" fill="${r.pick(['#3e5e2c', '#4b6e32', '#34502a'])}"/>`;
  }
  return `<ellipse cx="${x}" cy="${y + 4}" rx="${f(w * 1.1)}" ry="${f(w * 0.18)}" fill="#6b4e2a" opacity="0.35"/>${out}`;
}

function scaffold(x, y, w, h) {
  let out = '';
  for (let sx = x; sx <= x + w; sx += w / 3) {
    out += `<line x1="${f(sx)}" y1="${y}" x2="${f(sx)}" y2="${y + h}" stroke="#8a9096" stroke-width="4"/>`;
  }
  for (let sy = y + 20; sy <= y + h; sy += 70) {
    out += `<rect x="${x - 6}" y="${sy}" width="${w + 12}" height="7" fill="#b88a4a"/>`;
    out += `<line x1="${x}" y1="${sy}" x2="${x + w}" y2="${sy + 70}" stroke="#8a9096" stroke-width="2"/>`;
  }
  return out;
}

export function fort() {
  const r = rng(79);
  const defs = [
    linear('sky', [
      [0, '#2c78c0'],
      [0.7, '#8cc2e8'],
      [1, '#dcedf4'],
    ]),
    linear(
      'tower',
      [
        [0, '#e0b27a'],
        [0.55, '#c9965c'],
        [1, '#8f6436'],
      ],
      [0, 0, 1, 0],
    ),
    linear('ground', [
      [0, '#d7b684'],
      [1, '#b48c58'],
    ]),
  ].join('');
  const body = `
  <rect width="${W}" height="640" fill="url(#sky)"/>
  <g filter="url(#blur12)" opacity="0.7"><ellipse cx="380" cy="140" rx="240" ry="22" fill="#fff"/><ellipse cx="1150" cy="100" rx="300" ry="18" fill="#fff"/></g>
  <path d="${ridge(r, { y: 430, amp: 200, rough: 0.6, bottom: 660 })}" fill="#b7a08a" opacity="0.85"/>
  <path d="${ridge(r, { y: 540, amp: 90, bottom: 660 })}" fill="#95796a"/>
  <rect y="620" width="${W}" height="${H - 620}" fill="url(#ground)"/>
  <rect x="420" y="430" width="760" height="290" fill="#d4a468"/>
  ${merlons(420, 1180, 430, '#d4a468')}
  ${bricks(r, 420, 440, 760, 270, 180)}
  <path d="M720,720 L720,600 Q765,555 810,600 L810,720 Z" fill="#5a3a22"/>
  <path d="M765,566 L765,720" stroke="#3a2414" stroke-width="3"/>
  ${[620, 700].map((y) => `<circle cx="740" cy="${y}" r="3" fill="#c9a36a"/><circle cx="790" cy="${y}" r="3" fill="#c9a36a"/>`).join('')}
  ${[520, 600, 930, 1010].map((x) => `<path d="M${x},520 L${x},490 Q${x + 8},478 ${x + 16},490 L${x + 16},520 Z" fill="#4a2f1c"/>`).join('')}
  <rect x="330" y="320" width="190" height="400" fill="url(#tower)"/>
  <ellipse cx="425" cy="320" rx="95" ry="16" fill="#c48f55"/>
  ${merlons(335, 520, 322, '#d9a86c')}
  ${bricks(r, 330, 330, 190, 380, 110)}
  ${[400, 480].map((y) => `<rect x="420" y="${y}" width="10" height="30" fill="#4a2f1c"/>`).join('')}
  <rect x="1090" y="290" width="170" height="430" fill="#dcab6f"/>
  <path d="M1260,290 L1300,300 L1300,720 L1260,720 Z" fill="#9c6f3e"/>
  ${merlons(1090, 1260, 292, '#dcab6f')}
  ${bricks(r, 1090, 300, 170, 400, 90)}
  ${scaffold(1070, 300, 210, 420)}
  <rect x="0" y="716" width="${W}" height="10" fill="#bd955f"/>
  ${palm(r, 120, 860, 360)}${palm(r, 250, 900, 300)}${palm(r, 590, 890, 250)}
  ${palm(r, 1380, 870, 380)}${palm(r, 1520, 900, 320)}
  <path d="M0,835 C400,820 900,850 1600,830 L1600,842 C900,862 400,832 0,847 Z" fill="#5aa8c8" opacity="0.85"/>
  ${[80, 330, 700, 980, 1300].map((x) => bush(r, x, r.int(770, 800), r.int(50, 90))).join('')}
  ${birds(r, { x: 700, y: 180, w: 300, h: 80, n: 4, color: '#3a3a3a' })}`;
  return svg(defs, body, { seed: 79, vignette: 0.25, grain: 0.06 });
}
