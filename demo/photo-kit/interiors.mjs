// Indoor and studio scenes: the bookshelves, the museum gallery, the souq, the ballot box.
import { W, H, f, rng, linear, radial, radialBox, svg, speckle, person } from './kit.mjs';

const BOOK_COLOURS = [
  '#7a1f2b',
  '#1f3a5f',
  '#2f5d3a',
  '#c89b3c',
  '#e8dcc0',
  '#1f6f6f',
  '#b5532f',
  '#4a2f5a',
  '#2b2b2b',
  '#8a6d3b',
];

function book(r, x, bottom, w, h) {
  const c = r.pick(BOOK_COLOURS);
  const top = bottom - h;
  let out = `<rect x="${f(x)}" y="${f(top)}" width="${f(w)}" height="${f(h)}" fill="${c}"/>`;
  out += `<rect x="${f(x)}" y="${f(top)}" width="2" height="${f(h)}" fill="#fff" opacity="0.18"/>`;
  out += `<rect x="${f(x + w - 3)}" y="${f(top)}" width="3" height="${f(h)}" fill="#000" opacity="0.25"/>`;
  const gold = r() < 0.6 ? '#d8b45a' : '#1a1a1a';
  out += `<rect x="${f(x + 2)}" y="${f(top + h * 0.1)}" width="${f(w - 5)}" height="2.5" fill="${gold}" opacity="0.8"/>`;
  out += `<rect x="${f(x + 2)}" y="${f(bottom - h * 0.12)}" width="${f(w - 5)}" height="2.5" fill="${gold}" opacity="0.8"/>`;
  if (r() < 0.55) {
    out += `<rect x="${f(x + w * 0.22)}" y="${f(top + h * 0.25)}" width="${f(w * 0.5)}" height="${f(h * 0.3)}" fill="#f3ead2" opacity="0.55"/>`;
  }
  return out;
}

function shelfRow(r, x0, x1, bottom, space) {
  let out = '';
  let x = x0 + r.range(0, 10);
  while (x < x1 - 20) {
    const roll = r();
    if (roll < 0.06 && x < x1 - 190) {
      let y = bottom;
      for (let k = 0, n = r.int(3, 5); k < n; k++) {
        const t = r.range(16, 24);
        const w = r.range(140, 175);
        out += `<rect x="${f(x + r.range(0, 12))}" y="${f(y - t)}" width="${f(w)}" height="${f(t)}" fill="${r.pick(BOOK_COLOURS)}"/><rect x="${f(x)}" y="${f(y - t)}" width="${f(w)}" height="2" fill="#fff" opacity="0.2"/>`;
        y -= t;
      }
      x += 200;
    } else if (roll < 0.1 && x < x1 - 80) {
      out += `<g transform="rotate(14 ${f(x)} ${f(bottom)})">${book(r, x, bottom, 32, space * 0.82)}</g>`;
      x += 60;
    } else if (roll < 0.13 && x < x1 - 90) {
      out += `<path d="M${f(x + 10)},${bottom} L${f(x + 60)},${bottom} L${f(x + 66)},${bottom - 50} L${f(x + 4)},${bottom - 50} Z" fill="#b5532f"/>`;
      for (let k = 0; k < 7; k++) {
        out += `<ellipse cx="${f(x + 35 + r.range(-30, 30))}" cy="${f(bottom - 70 - r.range(0, 40))}" rx="10" ry="26" fill="${r.pick(['#3f7a3a', '#5a9a48'])}" transform="rotate(${f(r.range(-40, 40))} ${f(x + 35)} ${bottom - 50})"/>`;
      }
      x += 90;
    } else {
      const w = r.range(18, 46);
      out += book(r, x, bottom, w, space * r.range(0.62, 0.92));
      x += w + r.range(0, 2);
    }
  }
  return out;
}

export function books() {
  const r = rng(113);
  const boards = [226, 446, 666, 886];
  const defs = [
    linear('wall', [
      [0, '#4a2c1c'],
      [1, '#26160e'],
    ]),
    linear('board', [
      [0, '#a87445'],
      [0.3, '#8a5a34'],
      [1, '#5e3a20'],
    ]),
    linear('under', [
      [0, '#000', 0.45],
      [1, '#000', 0],
    ]),
    radial(
      'lamp',
      [
        [0, '#ffdca0', 0.32],
        [1, '#ffdca0', 0],
      ],
      800,
      120,
      900,
    ),
  ].join('');
  let rows = '';
  let top = 14;
  for (const b of boards) {
    const space = b - top;
    rows += shelfRow(r, 72, 785, b, space) + shelfRow(r, 815, 1528, b, space);
    rows += `<rect x="40" y="${top}" width="1520" height="26" fill="url(#under)"/>`;
    rows += `<rect x="40" y="${b}" width="1520" height="22" fill="url(#board)"/><rect x="40" y="${b}" width="1520" height="3" fill="#d9a46a" opacity="0.6"/>`;
    top = b + 22;
  }
  const body = `
  <rect width="${W}" height="${H}" fill="url(#wall)"/>
  <rect x="40" y="0" width="1520" height="14" fill="url(#board)"/>
  ${rows}
  <rect x="40" y="0" width="32" height="${H}" fill="url(#board)"/>
  <rect x="1528" y="0" width="32" height="${H}" fill="url(#board)"/>
  <rect x="785" y="0" width="30" height="${H}" fill="url(#board)"/>
  <rect width="${W}" height="${H}" fill="url(#lamp)"/>`;
  return svg(defs, body, { seed: 113, vignette: 0.55, grain: 0.06 });
}

/** Linear interpolation between two points. */
const lerp = (a, b, t) => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];

/** A framed picture on a side wall, given the wall's near and far edges. */
function wallPicture(near, far, [u0, u1], [v0, v1], colours) {
  const corner = (u, v) => lerp(lerp(near[0], near[1], v), lerp(far[0], far[1], v), u);
  const quad = (a, b, c, d, fill, extra = '') =>
    `<path d="M${a.map(f)} L${b.map(f)} L${c.map(f)} L${d.map(f)} Z" fill="${fill}" ${extra}/>`;
  const du = (u1 - u0) * 0.08;
  const dv = (v1 - v0) * 0.07;
  let out = quad(corner(u0, v0), corner(u1, v0), corner(u1, v1), corner(u0, v1), '#2b2520');
  out += quad(
    corner(u0 + du, v0 + dv),
    corner(u1 - du, v0 + dv),
    corner(u1 - du, v1 - dv),
    corner(u0 + du, v1 - dv),
    colours[0],
  );
  const vm = (v0 + v1) / 2;
  out += quad(
    corner(u0 + du, vm),
    corner(u1 - du, vm + dv),
    corner(u1 - du, v1 - dv),
    corner(u0 + du, v1 - dv),
    colours[1],
  );
  return out;
}

function centrePiece() {
  return `<rect x="590" y="270" width="420" height="250" fill="#2b2520"/>
    <rect x="604" y="284" width="392" height="222" fill="url(#art)"/>
    <circle cx="880" cy="350" r="34" fill="#f4d27a"/>
    <path d="M604,440 Q700,400 790,430 T996,420 L996,506 L604,506 Z" fill="#b5532f"/>
    <path d="M604,470 Q720,440 820,468 T996,460 L996,506 L604,506 Z" fill="#7a3320"/>
    <rect x="650" y="300" width="60" height="60" fill="none" stroke="#1f3a5f" stroke-width="6"/>`;
}

export function museum() {
  const r = rng(127);
  const defs = [
    linear('back', [
      [0, '#f1ece4'],
      [1, '#e2dbcf'],
    ]),
    linear('floor', [
      [0, '#8a5e3a'],
      [1, '#b2835a'],
    ]),
    linear('art', [
      [0, '#1f6f8b'],
      [0.6, '#e8b56a'],
      [1, '#e07a4a'],
    ]),
    `<clipPath id="floorClip"><path d="M0,${H} L420,620 L1180,620 L${W},${H} Z"/></clipPath>`,
    radialBox('pool', [
      [0, '#fff8e6', 0.85],
      [1, '#fff8e6', 0],
    ]),
  ].join('');
  const leftNear = [
    [0, 0],
    [0, H],
  ];
  const leftFar = [
    [420, 200],
    [420, 620],
  ];
  const rightNear = [
    [W, 0],
    [W, H],
  ];
  const rightFar = [
    [1180, 200],
    [1180, 620],
  ];
  let planks = '';
  for (let i = -10; i <= 10; i++) {
    planks += `<line x1="${800 + i * 38}" y1="620" x2="${800 + i * 160}" y2="${H}" stroke="#5e3a20" stroke-opacity="0.35" stroke-width="2"/>`;
  }
  for (const y of [650, 700, 770, 860]) {
    planks += `<line x1="0" y1="${y}" x2="${W}" y2="${y}" stroke="#5e3a20" stroke-opacity="0.15" stroke-width="2"/>`;
  }
  const spot = (x, y, w) =>
    `<ellipse cx="${x}" cy="${y}" rx="${w}" ry="${w * 0.7}" fill="url(#pool)" opacity="0.8"/>`;
  const body = `
  <path d="M0,0 L${W},0 L1180,200 L420,200 Z" fill="#f7f4ee"/>
  <path d="M0,0 L420,200 L420,620 L0,${H} Z" fill="#ddd5c8"/>
  <path d="M${W},0 L1180,200 L1180,620 L${W},${H} Z" fill="#d4cbbd"/>
  <rect x="420" y="200" width="760" height="420" fill="url(#back)"/>
  <path d="M0,${H} L420,620 L1180,620 L${W},${H} Z" fill="url(#floor)"/>
  <g clip-path="url(#floorClip)">${planks}${speckle(r, { x: 0, y: 620, w: W, h: 280, n: 500, colors: ['#6e4a2c', '#c29468'], size: [0.6, 1.4] })}</g>
  <path d="M420,620 L1180,620 L1180,632 L420,632 Z" fill="#cfc6b8"/>
  <line x1="200" y1="95" x2="1400" y2="95" stroke="#3a3a3a" stroke-width="6"/>
  ${[500, 800, 1100].map((x) => `<rect x="${x - 10}" y="95" width="20" height="26" fill="#2a2a2a"/>`).join('')}
  ${spot(800, 360, 330)}${spot(210, 380, 170)}${spot(1390, 380, 170)}
  ${centrePiece()}
  ${wallPicture(leftNear, leftFar, [0.2, 0.55], [0.3, 0.55], ['#2f5d3a', '#c89b3c'])}
  ${wallPicture(leftNear, leftFar, [0.7, 0.9], [0.32, 0.52], ['#7a1f2b', '#e8dcc0'])}
  ${wallPicture(rightNear, rightFar, [0.2, 0.55], [0.28, 0.56], ['#1f3a5f', '#e0c27a'])}
  ${wallPicture(rightNear, rightFar, [0.7, 0.9], [0.32, 0.52], ['#b5532f', '#2b2b2b'])}
  <rect x="1250" y="560" width="90" height="200" fill="#f3efe8"/><rect x="1340" y="570" width="18" height="190" fill="#d9d2c6"/>
  <path d="M1270,560 Q1275,470 1295,440 Q1320,470 1318,520 Q1330,540 1322,560 Z" fill="#8a6d3b"/>
  <path d="M640,760 L960,760 L940,720 L660,720 Z" fill="#2f2a27"/>
  <rect x="668" y="760" width="10" height="40" fill="#1c1816"/><rect x="922" y="760" width="10" height="40" fill="#1c1816"/>
  <ellipse cx="760" cy="806" rx="80" ry="10" fill="#000" opacity="0.2"/>
  ${person(700, 700, 250, { body: '#2f4a6a', legs: '#222', head: '#4a3020' })}
  ${person(900, 690, 232, { body: '#c89b3c', legs: '#3a3330', head: '#2a1a10', lean: 4 })}`;
  return svg(defs, body, { seed: 127, vignette: 0.4, grain: 0.05 });
}

function produce(r, x, bottom, w, colours, rad) {
  let out = `<rect x="${x}" y="${bottom - 40}" width="${w}" height="40" fill="#8a5a30"/><rect x="${x}" y="${bottom - 40}" width="${w}" height="5" fill="#b07a48"/>`;
  const rows = Math.floor(w / (rad * 2));
  for (let row = 0; row < 4; row++) {
    const n = rows - row;
    for (let i = 0; i < n; i++) {
      const cx = x + rad + row * rad + i * rad * 2;
      const cy = bottom - 40 - rad - row * rad * 1.6;
      out += `<circle cx="${f(cx)}" cy="${f(cy)}" r="${f(rad)}" fill="${r.pick(colours)}"/><circle cx="${f(cx - rad * 0.3)}" cy="${f(cy - rad * 0.3)}" r="${f(rad * 0.3)}" fill="#fff" opacity="0.3"/>`;
    }
  }
  return out;
}

function spiceCone(x, bottom, w, colour) {
  return `<path d="M${x - w * 0.6},${bottom} L${x + w * 0.6},${bottom} L${x + w * 0.5},${bottom - 40} L${x - w * 0.5},${bottom - 40} Z" fill="#6a4a2a"/>
    <path d="M${x - w * 0.5},${bottom - 40} Q${x},${bottom - 40 - w * 1.3} ${x + w * 0.5},${bottom - 40} Z" fill="${colour}"/>`;
}

function awning(x0, x1, y, colours) {
  let out = '';
  const step = (x1 - x0) / 12;
  for (let i = 0; i < 12; i++) {
    const x = x0 + i * step;
    out += `<rect x="${f(x)}" y="${y}" width="${f(step)}" height="70" fill="${colours[i % 2]}"/>`;
    out += `<path d="M${f(x)},${y + 70} A${f(step / 2)},${f(step / 2.5)} 0 0 0 ${f(x + step)},${y + 70} Z" fill="${colours[i % 2]}"/>`;
  }
  return `${out}<rect x="${x0}" y="${y}" width="${x1 - x0}" height="10" fill="#000" opacity="0.2"/>`;
}

function lantern(x, y, s) {
  return `<line x1="${x}" y1="0" x2="${x}" y2="${y - s}" stroke="#2a1a10" stroke-width="2"/>
    <circle cx="${x}" cy="${y}" r="${s * 3}" fill="url(#lanternGlow)"/>
    <path d="M${x - s * 0.6},${y - s} L${x + s * 0.6},${y - s} L${x + s * 0.8},${y} L${x + s * 0.5},${y + s} L${x - s * 0.5},${y + s} L${x - s * 0.8},${y} Z" fill="#c98a2a"/>
    <path d="M${x - s * 0.4},${y - s * 0.6} L${x + s * 0.4},${y - s * 0.6} L${x + s * 0.5},${y + s * 0.6} L${x - s * 0.5},${y + s * 0.6} Z" fill="#ffe3a0"/>`;
}

export function market() {
  const r = rng(131);
  const defs = [
    linear('backWall', [
      [0, '#5a3820'],
      [1, '#8a5a34'],
    ]),
    linear('floor', [
      [0, '#6a5440'],
      [1, '#3e2f22'],
    ]),
    radialBox('lanternGlow', [
      [0, '#ffd27a', 0.6],
      [1, '#ffd27a', 0],
    ]),
  ].join('');
  let arches = '';
  for (let x = 470; x < 1130; x += 110) {
    arches += `<path d="M${x},560 L${x},440 Q${x + 40},390 ${x + 80},440 L${x + 80},560 Z" fill="#2e1c10"/><circle cx="${x + 40}" cy="470" r="9" fill="#ffd27a"/><circle cx="${x + 40}" cy="470" r="26" fill="#ffd27a" opacity="0.2"/>`;
  }
  const shafts = [300, 700, 1100]
    .map(
      (x) =>
        `<path d="M${x},0 L${x + 140},0 L${x + 420},${H} L${x + 200},${H} Z" fill="#fff4d6" opacity="0.08"/>`,
    )
    .join('');
  const body = `
  <rect width="${W}" height="${H}" fill="#2a1a10"/>
  <rect x="380" y="300" width="840" height="270" fill="url(#backWall)"/>
  ${arches}
  <path d="M0,0 L${W},0 L1220,300 L380,300 Z" fill="#3a2414"/>
  ${[0.2, 0.45, 0.7].map((t) => `<line x1="${f(380 * t)}" y1="${f(300 * t)}" x2="${f(W - 380 * t)}" y2="${f(300 * t)}" stroke="#1e120a" stroke-width="${f(10 + 20 * (1 - t))}"/>`).join('')}
  <path d="M0,${H} L380,570 L1220,570 L${W},${H} Z" fill="url(#floor)"/>
  ${speckle(r, { x: 0, y: 580, w: W, h: 320, n: 700, colors: ['#7a6450', '#2e2218'], size: [0.8, 2] })}
  ${person(700, 640, 150, { body: '#e8e2d4', legs: '#e8e2d4', head: '#3a2414' })}
  ${person(860, 620, 130, { body: '#3a2a4a', legs: '#3a2a4a', head: '#2a1a10' })}
  ${person(960, 660, 170, { body: '#7a3a2a', legs: '#2a2a2a', head: '#3a2414' })}
  <rect x="0" y="230" width="560" height="400" fill="#4a2e1a"/>
  <rect x="1040" y="230" width="560" height="400" fill="#4a2e1a"/>
  ${[60, 170, 280, 390].map((x) => `<rect x="${x}" y="${r.int(470, 500)}" width="90" height="130" rx="14" fill="#c9b48a"/><ellipse cx="${x + 45}" cy="490" rx="40" ry="10" fill="${r.pick(['#d9a13a', '#b3342a', '#6a3a1a'])}"/>`).join('')}
  ${[1100, 1210, 1320, 1430].map((x) => `<rect x="${x}" y="${r.int(470, 500)}" width="90" height="130" rx="14" fill="#c9b48a"/><ellipse cx="${x + 45}" cy="490" rx="40" ry="10" fill="${r.pick(['#6a8a3a', '#e0c04a', '#8a4a2a'])}"/>`).join('')}
  ${awning(0, 580, 160, ['#b3342a', '#f1e6cf'])}
  ${awning(1020, W, 160, ['#2f6a4a', '#f1e6cf'])}
  <rect x="0" y="640" width="600" height="260" fill="#6a4424"/><rect x="0" y="640" width="600" height="12" fill="#8a5a34"/>
  <rect x="1000" y="640" width="600" height="260" fill="#6a4424"/><rect x="1000" y="640" width="600" height="12" fill="#8a5a34"/>
  ${produce(r, 20, 640, 230, ['#f08a24', '#f59a34', '#e07a1a'], 17)}
  ${produce(r, 280, 640, 200, ['#8bbf3a', '#7aae2a'], 14)}
  ${spiceCone(540, 640, 70, '#c23b22')}
  ${produce(r, 1020, 640, 200, ['#b3263a', '#9a1f30'], 16)}
  ${spiceCone(1290, 640, 80, '#e0a81a')}${spiceCone(1400, 640, 70, '#3f7a3a')}${spiceCone(1510, 640, 70, '#d26a1a')}
  ${lantern(250, 90, 18)}${lantern(640, 150, 14)}${lantern(960, 150, 14)}${lantern(1350, 90, 18)}
  ${shafts}`;
  return svg(defs, body, { seed: 131, vignette: 0.5, grain: 0.06 });
}

export function ballot() {
  const r = rng(139);
  const defs = [
    linear('bg', [
      [0, '#e6edf5'],
      [1, '#c9d6e6'],
    ]),
    linear('boxFront', [
      [0, '#dfe8f0', 0.95],
      [1, '#b8c8d8', 0.95],
    ]),
  ].join('');
  let bunting = '';
  for (let i = 0; i < 22; i++) {
    const x = 20 + i * 75;
    const y = 60 + 30 * Math.sin((i / 21) * Math.PI);
    bunting += `<path d="M${x},${f(y)} L${x + 60},${f(y + 4)} L${x + 30},${f(y + 62)} Z" fill="${['#e07a5f', '#3d5a80', '#f2cc8f', '#81b29a'][i % 4]}"/>`;
  }
  const queue = [
    [150, 660, 260, '#3d5a80'],
    [280, 650, 240, '#e07a5f'],
    [1320, 650, 250, '#81b29a'],
    [1450, 665, 270, '#6d597a'],
  ]
    .map(([x, y, h, c]) => person(x, y, h, { body: c, legs: '#2b2d42', head: '#6b4a3a' }))
    .join('');
  const body = `
  <rect width="${W}" height="${H}" fill="url(#bg)"/>
  <circle cx="330" cy="360" r="230" fill="#ffffff" opacity="0.45"/>
  <circle cx="1300" cy="300" r="180" fill="#ffffff" opacity="0.35"/>
  <path d="M20,60 Q800,130 1600,60" stroke="#6b6b6b" stroke-width="3" fill="none"/>
  ${bunting}
  <rect y="680" width="${W}" height="220" fill="#aebfd3"/>
  ${queue}
  <ellipse cx="820" cy="790" rx="330" ry="30" fill="#2b2d42" opacity="0.18"/>
  <path d="M560,470 L1020,470 L1100,410 L640,410 Z" fill="#eef3f8"/>
  <path d="M1020,470 L1100,410 L1100,720 L1020,780 Z" fill="#a9bbcd"/>
  <rect x="560" y="470" width="460" height="310" fill="url(#boxFront)"/>
  <rect x="740" y="560" width="100" height="100" rx="50" fill="#3d5a80" opacity="0.85"/>
  <path d="M765,610 L785,632 L818,588" stroke="#ffffff" stroke-width="10" fill="none" stroke-linecap="round" stroke-linejoin="round"/>
  <path d="M720,445 L900,445 L930,425 L750,425 Z" fill="#2b2d42"/>
  <g transform="rotate(-8 830 330)">
    <rect x="740" y="200" width="190" height="250" fill="#ffffff" stroke="#c9d6e6" stroke-width="2"/>
    ${[0, 1, 2, 3].map((i) => `<rect x="762" y="${230 + i * 48}" width="26" height="26" fill="none" stroke="#2b2d42" stroke-width="3"/><rect x="804" y="${238 + i * 48}" width="${r.int(70, 100)}" height="8" fill="#9aa5b1"/>`).join('')}
    <path d="M766,293 L775,304 L792,280" stroke="#e07a5f" stroke-width="5" fill="none" stroke-linecap="round"/>
  </g>
  <rect x="1000" y="560" width="14" height="40" rx="5" fill="#e07a5f"/>`;
  return svg(defs, body, { seed: 139, vignette: 0.15, grain: 0.04 });
}
