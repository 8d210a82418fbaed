/**
 * Abstract, science-flavoured illustrations for the demo stories. Each image is an SVG built
 * from the story's palette and a seeded pseudo-random generator (the same seed always gives the
 * same picture), then rendered to JPEG by sharp. Nothing is downloaded and no text is drawn.
 *
 * Palette convention: `[background, secondary, accent]` — a deep background colour, a mid tone
 * for the main shapes, and a light accent for highlights.
 */
import sharp from 'sharp';
import type { DemoStory } from './data/stories.ts';

export type DemoImageSpec = NonNullable<DemoStory['image']>;
type Motif = DemoImageSpec['motif'];
type Point = [number, number];

/** Renders the illustration for `spec` as a JPEG of `width`×`height` pixels. */
export async function renderDemoImage(
  spec: DemoImageSpec,
  seed: string,
  width = 1600,
  height = 1000,
): Promise<Buffer> {
  const svg = buildDemoSvg(spec.motif, spec.palette, seed, width, height);
  return sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer();
}

/** The SVG source of an illustration (exported for tests and previews). */
export function buildDemoSvg(
  motif: Motif,
  palette: readonly [string, string, string],
  seed: string,
  width: number,
  height: number,
): string {
  const canvas: Canvas = {
    w: width,
    h: height,
    rnd: makeRandom(`${motif}:${seed}`),
    pal: palette.map(normaliseHex) as [string, string, string],
    defs: [],
    ids: 0,
  };
  const body = painters[motif](canvas);
  const vignette = radial(canvas, [
    [0, '#000000', 0],
    [0.65, '#000000', 0.04],
    [1, '#000000', 0.42],
  ]);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<defs>${canvas.defs.join('')}</defs>`,
    body,
    `<rect width="${width}" height="${height}" fill="url(#${vignette})"/>`,
    '</svg>',
  ].join('');
}

// --- drawing context -------------------------------------------------------------------------

type Random = {
  next: () => number;
  range: (min: number, max: number) => number;
  int: (min: number, max: number) => number;
  chance: (p: number) => boolean;
  gauss: () => number;
};

type Canvas = {
  w: number;
  h: number;
  rnd: Random;
  pal: [string, string, string];
  defs: string[];
  ids: number;
};

type Stop = [offset: number, color: string, opacity: number];

function makeRandom(seed: string): Random {
  // FNV-1a hash of the seed, then mulberry32.
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  let state = h >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const range = (min: number, max: number) => min + (max - min) * next();
  return {
    next,
    range,
    int: (min, max) => Math.floor(range(min, max + 1)),
    chance: (p) => next() < p,
    gauss: () => (next() + next() + next() + next() - 2) / 2,
  };
}

const n = (value: number) => (Math.round(value * 10) / 10).toString();

function normaliseHex(color: string): string {
  const hex = color.trim().replace(/^#/, '');
  if (/^[0-9a-f]{3}$/i.test(hex)) {
    return `#${hex
      .split('')
      .map((c) => c + c)
      .join('')}`.toLowerCase();
  }
  return /^[0-9a-f]{6}$/i.test(hex) ? `#${hex.toLowerCase()}` : '#336699';
}

function rgb(color: string): [number, number, number] {
  const value = Number.parseInt(color.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/** Linear mix of two hex colours (t = 0 gives a, t = 1 gives b). */
function mix(a: string, b: string, t: number): string {
  const ca = rgb(a);
  const cb = rgb(b);
  const channel = (i: 0 | 1 | 2) =>
    Math.round(ca[i] + (cb[i] - ca[i]) * Math.min(1, Math.max(0, t)))
      .toString(16)
      .padStart(2, '0');
  return `#${channel(0)}${channel(1)}${channel(2)}`;
}

const lighten = (c: string, t: number) => mix(c, '#ffffff', t);
const darken = (c: string, t: number) => mix(c, '#000000', t);

function luminance(c: string): number {
  const [r, g, b] = rgb(c);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

function stops(list: Stop[]): string {
  return list
    .map(([o, c, a]) => `<stop offset="${n(o * 100)}%" stop-color="${c}" stop-opacity="${a}"/>`)
    .join('');
}

function newId(canvas: Canvas): string {
  canvas.ids += 1;
  return `g${canvas.ids}`;
}

/** A radial gradient (objectBoundingBox units), returns its id. */
function radial(canvas: Canvas, list: Stop[]): string {
  const id = newId(canvas);
  canvas.defs.push(`<radialGradient id="${id}">${stops(list)}</radialGradient>`);
  return id;
}

/** A linear gradient in user space from p to q, returns its id. */
function linear(canvas: Canvas, p: Point, q: Point, list: Stop[]): string {
  const id = newId(canvas);
  canvas.defs.push(
    `<linearGradient id="${id}" gradientUnits="userSpaceOnUse" x1="${n(p[0])}" y1="${n(p[1])}" x2="${n(q[0])}" y2="${n(q[1])}">${stops(list)}</linearGradient>`,
  );
  return id;
}

/** A soft glow: an ellipse filled with a radial gradient fading to transparent. */
function glow(
  canvas: Canvas,
  cx: number,
  cy: number,
  rx: number,
  ry: number,
  color: string,
  opacity: number,
  rotate = 0,
): string {
  const id = radial(canvas, [
    [0, color, opacity],
    [0.4, color, opacity * 0.45],
    [1, color, 0],
  ]);
  const transform = rotate ? ` transform="rotate(${n(rotate)} ${n(cx)} ${n(cy)})"` : '';
  return `<ellipse cx="${n(cx)}" cy="${n(cy)}" rx="${n(rx)}" ry="${n(ry)}" fill="url(#${id})"${transform}/>`;
}

function polyline(points: Point[]): string {
  return points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${n(x)} ${n(y)}`).join('');
}

/** A smooth path through points (Catmull-Rom converted to cubic Béziers). */
function smooth(points: Point[]): string {
  if (points.length < 3) return polyline(points);
  const first = points[0]!;
  let d = `M${n(first[0])} ${n(first[1])}`;
  for (let i = 0; i < points.length - 1; i++) {
    const p0 = points[Math.max(0, i - 1)]!;
    const p1 = points[i]!;
    const p2 = points[i + 1]!;
    const p3 = points[Math.min(points.length - 1, i + 2)]!;
    const c1: Point = [p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6];
    const c2: Point = [p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6];
    d += `C${n(c1[0])} ${n(c1[1])} ${n(c2[0])} ${n(c2[1])} ${n(p2[0])} ${n(p2[1])}`;
  }
  return d;
}

/** Background: a diagonal gradient between two colours. */
function backdrop(canvas: Canvas, from: string, to: string, angle = 0.35): string {
  const { w, h } = canvas;
  const id = linear(
    canvas,
    [w * angle, 0],
    [w * (1 - angle), h],
    [
      [0, from, 1],
      [1, to, 1],
    ],
  );
  return `<rect width="${w}" height="${h}" fill="url(#${id})"/>`;
}

/** A charged track leaving `origin`: a circle arc whose curvature may grow (energy loss). */
function trackPoints(
  origin: Point,
  angle: number,
  curvature: number,
  length: number,
  growth = 0,
  step = 8,
): Point[] {
  const points: Point[] = [origin];
  let [x, y] = origin;
  let direction = angle;
  for (let s = 0; s < length; s += step) {
    const k = curvature * (1 + growth * (s / length) ** 2);
    direction += k * step;
    x += Math.cos(direction) * step;
    y += Math.sin(direction) * step;
    points.push([x, y]);
  }
  return points;
}

function stars(canvas: Canvas, count: number, area: [number, number, number, number], tint: string): string {
  const { rnd } = canvas;
  const [x0, y0, x1, y1] = area;
  let out = '';
  for (let i = 0; i < count; i++) {
    const r = rnd.next() ** 3 * 1.6 + 0.4;
    const color = rnd.chance(0.3) ? lighten(tint, 0.6) : '#ffffff';
    out += `<circle cx="${n(rnd.range(x0, x1))}" cy="${n(rnd.range(y0, y1))}" r="${n(r)}" fill="${color}" fill-opacity="${n(rnd.range(0.25, 0.95))}"/>`;
  }
  return out;
}

// --- motifs ----------------------------------------------------------------------------------

const painters: Record<Motif, (canvas: Canvas) => string> = {
  particles: paintParticles,
  detector: paintDetector,
  sky: paintSky,
  waves: paintWaves,
  rings: paintRings,
  sea: paintSea,
  mountain: paintMountain,
  building: paintBuilding,
};

/** Particle tracks curling out of a collision point, grouped in two jets. */
function paintParticles(canvas: Canvas): string {
  const { w, h, rnd, pal } = canvas;
  const [bg, mid, accent] = pal;
  const vertex: Point = [w * rnd.range(0.38, 0.62), h * rnd.range(0.4, 0.6)];
  let out = backdrop(canvas, darken(bg, 0.15), mix(bg, mid, 0.25));
  out += glow(canvas, vertex[0], vertex[1], w * 0.55, h * 0.75, mix(bg, mid, 0.6), 0.55);
  // detector layers, faint and segmented
  for (let i = 1; i <= 6; i++) {
    const r = h * (0.07 + i * 0.085);
    const segments = 16 + i * 8;
    const c = 2 * Math.PI * r;
    out += `<circle cx="${n(vertex[0])}" cy="${n(vertex[1])}" r="${n(r)}" fill="none" stroke="${lighten(mid, 0.2)}" stroke-opacity="${n(0.16 - i * 0.012)}" stroke-width="${n(2 + i * 1.4)}" stroke-dasharray="${n((c / segments) * 0.86)} ${n((c / segments) * 0.14)}"/>`;
  }
  const jetAxis = rnd.range(0, Math.PI * 2);
  const jets = [jetAxis, jetAxis + Math.PI + rnd.range(-0.5, 0.5)];
  const count = rnd.int(34, 46);
  for (let i = 0; i < count; i++) {
    const inJet = rnd.chance(0.62);
    const angle = inJet ? jets[i % 2]! + rnd.gauss() * 0.45 : rnd.range(0, Math.PI * 2);
    const momentum = inJet ? rnd.range(0.5, 1) : rnd.next() ** 1.6;
    const curvature = (rnd.chance(0.5) ? 1 : -1) * (0.0002 + (1 - momentum) * 0.0038);
    const curling = !inJet && rnd.chance(0.22);
    const length = curling ? rnd.range(500, 900) : rnd.range(h * 0.45, h * 1.05) * (0.6 + momentum * 0.6);
    const points = trackPoints(vertex, angle, curling ? curvature * 2.4 : curvature, length, curling ? 6 : 0);
    const end = points[points.length - 1]!;
    const color = rnd.chance(0.3) ? accent : mix(mid, accent, rnd.range(0.3, 0.9));
    const gradient = linear(canvas, vertex, end, [
      [0, lighten(color, 0.5), 0.95],
      [0.55, color, 0.75],
      [1, color, 0],
    ]);
    const width = curling ? 1.3 : rnd.range(1.2, 3.2);
    out += `<path d="${polyline(points)}" fill="none" stroke="url(#${gradient})" stroke-width="${n(width)}" stroke-linecap="round"/>`;
    if (!curling && rnd.chance(0.45)) {
      for (let j = 6; j < points.length * 0.7; j += 7) {
        const [x, y] = points[j]!;
        out += `<circle cx="${n(x)}" cy="${n(y)}" r="${n(width + 0.8)}" fill="${lighten(accent, 0.3)}" fill-opacity="${n(0.8 - j / points.length)}"/>`;
      }
    }
  }
  // two energetic straight tracks (muons)
  for (let i = 0; i < 2; i++) {
    const angle = jetAxis + Math.PI / 2 + i * Math.PI + rnd.range(-0.3, 0.3);
    const end: Point = [vertex[0] + Math.cos(angle) * w, vertex[1] + Math.sin(angle) * w];
    const gradient = linear(canvas, vertex, end, [
      [0, '#ffffff', 0.95],
      [0.5, accent, 0.6],
      [1, accent, 0.1],
    ]);
    out += `<path d="${polyline([vertex, end])}" stroke="url(#${gradient})" stroke-width="2.4"/>`;
  }
  out += glow(canvas, vertex[0], vertex[1], 90, 90, '#ffffff', 0.9);
  out += glow(canvas, vertex[0], vertex[1], 260, 260, accent, 0.35);
  return out;
}

/** Cross-section of a barrel detector: tracker layers, calorimeter cells, muon chambers. */
function paintDetector(canvas: Canvas): string {
  const { w, h, rnd, pal } = canvas;
  const [bg, mid, accent] = pal;
  const cx = w * rnd.range(0.56, 0.66);
  const cy = h * rnd.range(0.46, 0.56);
  const unit = h * 0.5;
  let out = backdrop(canvas, darken(bg, 0.2), mix(bg, mid, 0.2));
  out += glow(canvas, cx, cy, unit * 2, unit * 2, mix(bg, mid, 0.5), 0.5);
  const ring = (r: number, width: number, color: string, opacity: number, segments: number, fill = 0.9) => {
    const c = 2 * Math.PI * r;
    const dash =
      segments > 0 ? ` stroke-dasharray="${n((c / segments) * fill)} ${n((c / segments) * (1 - fill))}"` : '';
    return `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(r)}" fill="none" stroke="${color}" stroke-opacity="${n(opacity)}" stroke-width="${n(width)}"${dash}/>`;
  };
  const polygon = (r: number, sides: number, offset: number) => {
    const points: Point[] = [];
    for (let i = 0; i <= sides; i++) {
      const a = offset + (i * 2 * Math.PI) / sides;
      points.push([cx + Math.cos(a) * r, cy + Math.sin(a) * r]);
    }
    return polyline(points);
  };
  // muon system: dodecagonal yoke with chambers
  const sides = 12;
  const offset = Math.PI / sides;
  for (let i = 0; i < 4; i++) {
    const r = unit * (1.38 + i * 0.2);
    out += `<path d="${polygon(r, sides, offset)}" fill="none" stroke="${i % 2 ? mix(mid, accent, 0.25) : darken(mid, 0.35)}" stroke-opacity="${i % 2 ? 0.5 : 0.85}" stroke-width="${n(i % 2 ? unit * 0.04 : unit * 0.11)}" stroke-linejoin="miter"/>`;
  }
  for (let i = 0; i < sides; i++) {
    const a = offset + (i * 2 * Math.PI) / sides;
    out += `<path d="${polyline([
      [cx + Math.cos(a) * unit * 1.28, cy + Math.sin(a) * unit * 1.28],
      [cx + Math.cos(a) * unit * 2.1, cy + Math.sin(a) * unit * 2.1],
    ])}" stroke="${bg}" stroke-width="${n(unit * 0.025)}"/>`;
  }
  // solenoid and calorimeters
  out += ring(unit * 1.18, unit * 0.1, lighten(mid, 0.15), 0.55, 0);
  out += ring(unit * 0.98, unit * 0.22, mix(mid, accent, 0.35), 0.55, 72, 0.88);
  out += ring(unit * 0.74, unit * 0.16, mix(mid, accent, 0.55), 0.5, 120, 0.84);
  // tracker layers
  for (let i = 0; i < 7; i++) {
    out += ring(
      unit * (0.1 + i * 0.07),
      i < 3 ? 3 : 5,
      lighten(mid, 0.35),
      0.35 + i * 0.03,
      18 + i * 10,
      0.7,
    );
  }
  // an event: tracks ending in calorimeter deposits
  const towerBase = 0.66;
  for (let i = 0; i < 14; i++) {
    const angle = rnd.range(0, Math.PI * 2);
    const curvature = (rnd.chance(0.5) ? 1 : -1) * rnd.range(0.0003, 0.0016);
    const points = trackPoints([cx, cy], angle, curvature, unit * towerBase, 0, 6);
    out += `<path d="${polyline(points)}" fill="none" stroke="${lighten(accent, 0.25)}" stroke-opacity="0.9" stroke-width="2" stroke-linecap="round"/>`;
    const [ex, ey] = points[points.length - 1]!;
    const a = Math.atan2(ey - cy, ex - cx);
    const energy = rnd.next() ** 2;
    const r0 = unit * 0.7;
    const r1 = unit * (0.82 + energy * 0.38);
    const spread = 0.035;
    const tower: Point[] = [
      [cx + Math.cos(a - spread) * r0, cy + Math.sin(a - spread) * r0],
      [cx + Math.cos(a - spread) * r1, cy + Math.sin(a - spread) * r1],
      [cx + Math.cos(a + spread) * r1, cy + Math.sin(a + spread) * r1],
      [cx + Math.cos(a + spread) * r0, cy + Math.sin(a + spread) * r0],
    ];
    out += `<path d="${polyline(tower)}Z" fill="${mix(accent, '#ffffff', 0.2)}" fill-opacity="${n(0.45 + energy * 0.5)}"/>`;
  }
  // one muon crossing everything
  const muonAngle = rnd.range(0, Math.PI * 2);
  const muon = trackPoints([cx, cy], muonAngle, 0.00018, unit * 2.3, 0, 10);
  out += `<path d="${polyline(muon)}" fill="none" stroke="#ffffff" stroke-opacity="0.85" stroke-width="2.6"/>`;
  out += glow(canvas, cx, cy, unit * 0.25, unit * 0.25, '#ffffff', 0.6);
  return out;
}

/** A deep sky: nebula glow, a band of stars, a few bright stars and distant galaxies. */
function paintSky(canvas: Canvas): string {
  const { w, h, rnd, pal } = canvas;
  const [bg, mid, accent] = pal;
  let out = backdrop(canvas, darken(bg, 0.35), darken(mix(bg, mid, 0.3), 0.2), 0.1);
  // nebula along a tilted band
  const tilt = rnd.range(-28, 28);
  const bandX = w * rnd.range(0.4, 0.6);
  const bandY = h * rnd.range(0.4, 0.6);
  const slope = Math.tan((tilt * Math.PI) / 180);
  out += glow(canvas, bandX, bandY, w * 0.75, h * 0.32, mix(bg, mid, 0.7), 0.55, tilt);
  for (let i = 0; i < 9; i++) {
    const t = rnd.range(-0.45, 0.45);
    const x = bandX + t * w;
    const y = bandY + t * w * slope + rnd.gauss() * h * 0.12;
    const color = rnd.chance(0.4) ? accent : mix(mid, accent, rnd.range(0, 0.5));
    out += glow(
      canvas,
      x,
      y,
      rnd.range(w * 0.1, w * 0.28),
      rnd.range(h * 0.08, h * 0.2),
      color,
      rnd.range(0.18, 0.4),
      tilt + rnd.range(-25, 25),
    );
  }
  // dark dust lanes
  for (let i = 0; i < 4; i++) {
    const t = rnd.range(-0.35, 0.35);
    out += glow(
      canvas,
      bandX + t * w,
      bandY + t * w * slope + rnd.gauss() * h * 0.05,
      rnd.range(w * 0.08, w * 0.18),
      rnd.range(h * 0.02, h * 0.05),
      darken(bg, 0.4),
      0.55,
      tilt + rnd.range(-10, 10),
    );
  }
  // stars: uniform plus a denser band
  out += stars(canvas, 260, [0, 0, w, h], accent);
  for (let i = 0; i < 420; i++) {
    const t = rnd.range(-0.6, 0.6);
    const x = bandX + t * w;
    const y = bandY + t * w * slope + rnd.gauss() * h * 0.2;
    const r = rnd.next() ** 4 * 1.4 + 0.35;
    out += `<circle cx="${n(x)}" cy="${n(y)}" r="${n(r)}" fill="#ffffff" fill-opacity="${n(rnd.range(0.2, 0.85))}"/>`;
  }
  // distant galaxies
  for (let i = 0; i < 5; i++) {
    const x = rnd.range(w * 0.05, w * 0.95);
    const y = rnd.range(h * 0.05, h * 0.95);
    const size = rnd.range(6, 18);
    out += glow(canvas, x, y, size * 2.2, size * 0.8, lighten(accent, 0.4), 0.75, rnd.range(0, 180));
  }
  // bright stars with diffraction spikes
  for (let i = 0; i < 7; i++) {
    const x = rnd.range(w * 0.05, w * 0.95);
    const y = rnd.range(h * 0.05, h * 0.95);
    const size = rnd.range(10, 26);
    out += glow(canvas, x, y, size * 2.4, size * 2.4, lighten(accent, 0.5), 0.55);
    out += `<path d="M${n(x - size * 2)} ${n(y)}H${n(x + size * 2)}M${n(x)} ${n(y - size * 2)}V${n(y + size * 2)}" stroke="#ffffff" stroke-opacity="0.5" stroke-width="1"/>`;
    out += `<circle cx="${n(x)}" cy="${n(y)}" r="${n(size / 7)}" fill="#ffffff"/>`;
  }
  return out;
}

/** Interference of two circular wave sources, crossed by a gravitational-wave chirp. */
function paintWaves(canvas: Canvas): string {
  const { w, h, rnd, pal } = canvas;
  const [bg, mid, accent] = pal;
  let out = backdrop(canvas, darken(bg, 0.2), mix(bg, mid, 0.35));
  const sources: Point[] = [
    [w * rnd.range(0.2, 0.35), h * rnd.range(0.25, 0.75)],
    [w * rnd.range(0.65, 0.8), h * rnd.range(0.25, 0.75)],
  ];
  const spacing = rnd.range(24, 32);
  const reach = Math.hypot(w, h) * 0.75;
  out += '<g fill="none">';
  sources.forEach(([sx, sy], k) => {
    const color = k === 0 ? lighten(mid, 0.25) : mix(mid, accent, 0.6);
    for (let r = spacing; r < reach; r += spacing) {
      const fade = (1 - r / reach) ** 1.3;
      out += `<circle cx="${n(sx)}" cy="${n(sy)}" r="${n(r)}" stroke="${color}" stroke-opacity="${n(0.32 * fade)}" stroke-width="${n(spacing * 0.42)}"/>`;
    }
  });
  out += '</g>';
  for (const [sx, sy] of sources) out += glow(canvas, sx, sy, 140, 140, accent, 0.5);
  // chirp: frequency and amplitude grow up to the merger, then a quick ring-down
  const merger = w * rnd.range(0.62, 0.74);
  const base = h * rnd.range(0.45, 0.55);
  const points: Point[] = [];
  let phase = 0;
  for (let x = -10; x <= w + 10; x += 2) {
    const before = x < merger;
    const tau = Math.max(0.012, (merger - x) / w);
    const frequency = before ? 0.011 * tau ** -0.5 : 0.011 * 0.012 ** -0.5;
    phase += frequency * 2;
    const amplitude = before ? h * 0.03 * tau ** -0.4 : h * 0.17 * Math.exp(-(x - merger) / (w * 0.035));
    points.push([x, base + Math.sin(phase) * Math.min(amplitude, h * 0.17)]);
  }
  const chirp = polyline(points);
  out += `<path d="${chirp}" fill="none" stroke="${accent}" stroke-opacity="0.18" stroke-width="16" stroke-linejoin="round"/>`;
  out += `<path d="${chirp}" fill="none" stroke="${accent}" stroke-opacity="0.35" stroke-width="7" stroke-linejoin="round"/>`;
  out += `<path d="${chirp}" fill="none" stroke="${lighten(accent, 0.6)}" stroke-width="2.4" stroke-linejoin="round"/>`;
  out += glow(canvas, merger, base, 220, 220, lighten(accent, 0.3), 0.45);
  return out;
}

/** A wall of photomultipliers lit by Cherenkov rings. */
function paintRings(canvas: Canvas): string {
  const { w, h, rnd, pal } = canvas;
  const [bg, mid, accent] = pal;
  let out = backdrop(canvas, darken(bg, 0.3), mix(bg, mid, 0.2));
  const rings = Array.from({ length: rnd.int(2, 4) }, (_, i) => ({
    cx: w * rnd.range(0.2, 0.8),
    cy: h * rnd.range(0.25, 0.75),
    r: h * rnd.range(0.16, 0.36),
    width: rnd.range(14, 26),
    strength: i === 0 ? 1 : rnd.range(0.55, 0.9),
    color: i === 0 ? accent : mix(accent, mid, rnd.range(0.1, 0.5)),
  }));
  const ringsAndGlow = rings.map((ring) =>
    glow(canvas, ring.cx, ring.cy, ring.r * 1.5, ring.r * 1.5, ring.color, 0.16 * ring.strength),
  );
  out += ringsAndGlow.join('');
  const step = rnd.range(30, 38);
  const pmt = step * 0.38;
  const rowHeight = (step * Math.sqrt(3)) / 2;
  const base = mix(bg, mid, 0.3);
  const rim = lighten(mix(bg, mid, 0.5), 0.05);
  const glass = radial(canvas, [
    [0, mix(base, rim, 0.35), 1],
    [0.72, base, 1],
    [0.86, base, 1],
    [1, rim, 1],
  ]);
  let lit = '';
  for (let row = 0; row * rowHeight < h + step; row++) {
    const y = row * rowHeight;
    for (let col = 0; col * step < w + step; col++) {
      const x = col * step + (row % 2 ? step / 2 : 0);
      let intensity = 0;
      let color = accent;
      for (const ring of rings) {
        const d = Math.hypot(x - ring.cx, y - ring.cy) - ring.r;
        const value = Math.exp(-((d / ring.width) ** 2)) * ring.strength * (0.75 + 0.25 * rnd.next());
        if (value > intensity) {
          intensity = value;
          color = ring.color;
        }
      }
      if (rnd.chance(0.02)) intensity = Math.max(intensity, rnd.range(0.25, 0.6));
      out += `<circle cx="${n(x)}" cy="${n(y)}" r="${n(pmt)}" fill="url(#${glass})"/>`;
      if (intensity > 0.12) {
        lit += `<circle cx="${n(x)}" cy="${n(y)}" r="${n(pmt * 0.86)}" fill="${mix(base, lighten(color, 0.2), intensity)}"/>`;
        if (intensity > 0.55) {
          lit += `<circle cx="${n(x)}" cy="${n(y)}" r="${n(pmt * 0.35)}" fill="#ffffff" fill-opacity="${n(intensity * 0.7)}"/>`;
        }
      }
    }
  }
  return out + lit;
}

/** A deep-sea neutrino telescope: light rays, drifting particles, detection lines on the seabed. */
function paintSea(canvas: Canvas): string {
  const { w, h, rnd, pal } = canvas;
  const [bg, mid, accent] = pal;
  const top = linear(
    canvas,
    [0, 0],
    [0, h],
    [
      [0, mix(mid, accent, 0.25), 1],
      [0.45, mix(bg, mid, 0.55), 1],
      [1, darken(bg, 0.3), 1],
    ],
  );
  let out = `<rect width="${w}" height="${h}" fill="url(#${top})"/>`;
  // light rays from above the surface
  const focus: Point = [w * rnd.range(0.35, 0.65), -h * 0.45];
  const rays = linear(
    canvas,
    [0, 0],
    [0, h * 0.85],
    [
      [0, '#ffffff', 0.16],
      [1, '#ffffff', 0],
    ],
  );
  for (let i = 0; i < 9; i++) {
    const x = rnd.range(-0.1, 1.1) * w;
    const spread = rnd.range(0.02, 0.06) * w;
    out += `<path d="M${n(focus[0])} ${n(focus[1])}L${n(x - spread)} ${n(h)}L${n(x + spread)} ${n(h)}Z" fill="url(#${rays})" fill-opacity="${n(rnd.range(0.35, 0.9))}"/>`;
  }
  // marine snow
  for (let i = 0; i < 160; i++) {
    out += `<circle cx="${n(rnd.range(0, w))}" cy="${n(rnd.range(0, h))}" r="${n(rnd.range(0.6, 2.2))}" fill="#ffffff" fill-opacity="${n(rnd.range(0.08, 0.35))}"/>`;
  }
  const seabed = (level: number, rough: number, color: string) => {
    const points: Point[] = [];
    for (let x = -40; x <= w + 40; x += w / 14) {
      points.push([x, h * level + rnd.gauss() * rough]);
    }
    return `<path d="${smooth(points)}L${w + 40} ${h + 10}L-40 ${h + 10}Z" fill="${color}"/>`;
  };
  // detection lines, back (small, dim) to front (large, bright)
  const lines = Array.from({ length: rnd.int(7, 10) }, () => ({
    x: rnd.range(0.06, 0.94) * w,
    depth: rnd.next(),
  })).sort((a, b) => a.depth - b.depth);
  out += seabed(0.8, h * 0.02, mix(darken(bg, 0.2), mid, 0.25));
  for (const line of lines) {
    const scale = 0.45 + line.depth * 0.75;
    const footY = h * (0.81 + line.depth * 0.09);
    const headY = footY - h * 0.62 * scale;
    const opacity = 0.35 + line.depth * 0.6;
    out += `<path d="M${n(line.x)} ${n(footY)}V${n(headY)}" stroke="${lighten(mid, 0.3)}" stroke-opacity="${n(opacity * 0.6)}" stroke-width="${n(1 + scale)}"/>`;
    out += `<ellipse cx="${n(line.x)}" cy="${n(headY - 8 * scale)}" rx="${n(7 * scale)}" ry="${n(10 * scale)}" fill="${lighten(mid, 0.2)}" fill-opacity="${n(opacity)}"/>`;
    const modules = 9;
    for (let i = 0; i < modules; i++) {
      const y = footY - ((i + 0.7) / (modules + 0.2)) * (footY - headY);
      const on = rnd.chance(0.25);
      out += `<circle cx="${n(line.x)}" cy="${n(y)}" r="${n(8 * scale)}" fill="${on ? lighten(accent, 0.3) : mix(mid, accent, 0.25)}" fill-opacity="${n(opacity)}"/>`;
      if (on) out += glow(canvas, line.x, y, 28 * scale, 28 * scale, accent, 0.5 * opacity);
    }
  }
  // a muon track and its Cherenkov light cone
  const start: Point = [w * rnd.range(0.1, 0.3), h * rnd.range(0.05, 0.2)];
  const end: Point = [w * rnd.range(0.7, 0.9), h * rnd.range(0.55, 0.75)];
  const dx = end[0] - start[0];
  const dy = end[1] - start[1];
  const length = Math.hypot(dx, dy);
  const angle = (Math.atan2(dy, dx) * 180) / Math.PI;
  const mx = (start[0] + end[0]) / 2;
  const my = (start[1] + end[1]) / 2;
  out += glow(canvas, mx, my, length * 0.6, h * 0.07, accent, 0.3, angle);
  const track = linear(canvas, start, end, [
    [0, accent, 0],
    [0.3, lighten(accent, 0.5), 0.8],
    [1, '#ffffff', 0.95],
  ]);
  out += `<path d="${polyline([start, end])}" stroke="url(#${track})" stroke-width="2.2"/>`;
  out += seabed(0.93, h * 0.015, darken(bg, 0.45));
  return out;
}

/** Layered mountain ridges in aerial perspective under a glowing sky. */
function paintMountain(canvas: Canvas): string {
  const { w, h, rnd, pal } = canvas;
  const [bg, mid, accent] = pal;
  const horizon = mix(mid, accent, 0.55);
  const sky = linear(
    canvas,
    [0, 0],
    [0, h * 0.75],
    [
      [0, darken(bg, 0.2), 1],
      [0.6, mix(bg, mid, 0.6), 1],
      [1, horizon, 1],
    ],
  );
  let out = `<rect width="${w}" height="${h}" fill="url(#${sky})"/>`;
  if (luminance(bg) < 0.35) out += stars(canvas, 140, [0, 0, w, h * 0.4], accent);
  const sunX = w * rnd.range(0.25, 0.75);
  const sunY = h * rnd.range(0.16, 0.26);
  out += glow(canvas, sunX, sunY, w * 0.45, h * 0.4, lighten(accent, 0.2), 0.55);
  out += `<circle cx="${n(sunX)}" cy="${n(sunY)}" r="${n(h * 0.05)}" fill="${lighten(accent, 0.65)}" fill-opacity="0.9"/>`;
  const layers = 5;
  for (let layer = 0; layer < layers; layer++) {
    const t = layer / (layers - 1);
    const baseY = h * (0.47 + t * 0.3);
    const amplitude = h * (0.2 - t * 0.08);
    // midpoint displacement ridge
    let ridge: number[] = [rnd.range(0, 1), rnd.range(0, 1)];
    let roughness = 0.9;
    for (let pass = 0; pass < 6; pass++) {
      const next: number[] = [];
      for (let i = 0; i < ridge.length - 1; i++) {
        next.push(ridge[i]!, (ridge[i]! + ridge[i + 1]!) / 2 + rnd.gauss() * roughness);
      }
      next.push(ridge[ridge.length - 1]!);
      ridge = next;
      roughness *= 0.52;
    }
    const min = Math.min(...ridge);
    const max = Math.max(...ridge);
    const points: Point[] = ridge.map((v, i) => [
      (i / (ridge.length - 1)) * (w + 40) - 20,
      baseY - ((v - min) / (max - min || 1)) * amplitude,
    ]);
    const near = darken(bg, 0.3);
    const far = mix(horizon, mid, 0.45);
    const color = mix(far, near, t ** 0.8);
    const fill =
      layer === layers - 1
        ? `url(#${linear(
            canvas,
            [0, baseY - amplitude],
            [0, h],
            [
              [0, color, 1],
              [1, darken(color, 0.45), 1],
            ],
          )})`
        : color;
    out += `<path d="${polyline(points)}L${w + 20} ${h}L-20 ${h}Z" fill="${fill}"/>`;
    if (layer < layers - 1) {
      const mist = linear(
        canvas,
        [0, baseY - amplitude * 0.2],
        [0, baseY + h * 0.08],
        [
          [0, horizon, 0],
          [1, horizon, 0.28 - t * 0.05],
        ],
      );
      out += `<rect y="${n(baseY - amplitude * 0.2)}" width="${w}" height="${n(h * 0.08 + amplitude * 0.2)}" fill="url(#${mist})"/>`;
    }
  }
  return out;
}

/** A stylised laboratory building at dusk, with a glowing accelerator ring in front. */
function paintBuilding(canvas: Canvas): string {
  const { w, h, rnd, pal } = canvas;
  const [bg, mid, accent] = pal;
  const groundY = h * 0.7;
  const sky = linear(
    canvas,
    [0, 0],
    [0, groundY],
    [
      [0, darken(bg, 0.1), 1],
      [1, mix(mid, accent, 0.35), 1],
    ],
  );
  let out = `<rect width="${w}" height="${h}" fill="url(#${sky})"/>`;
  out += glow(canvas, w * rnd.range(0.2, 0.8), groundY, w * 0.6, h * 0.35, lighten(accent, 0.2), 0.4);
  // distant hills and trees
  const hills: Point[] = [];
  for (let x = -40; x <= w + 40; x += w / 8) hills.push([x, groundY - h * rnd.range(0.04, 0.12)]);
  out += `<path d="${smooth(hills)}L${w + 40} ${groundY + 2}L-40 ${groundY + 2}Z" fill="${mix(mid, bg, 0.45)}" fill-opacity="0.8"/>`;
  const ground = linear(
    canvas,
    [0, groundY],
    [0, h],
    [
      [0, mix(bg, mid, 0.35), 1],
      [1, darken(bg, 0.35), 1],
    ],
  );
  out += `<rect y="${n(groundY)}" width="${w}" height="${n(h - groundY)}" fill="url(#${ground})"/>`;
  // accelerator ring on the ground, in perspective
  const ringX = w * rnd.range(0.45, 0.6);
  const ringY = groundY + h * 0.17;
  out += `<ellipse cx="${n(ringX)}" cy="${n(ringY)}" rx="${n(w * 0.42)}" ry="${n(h * 0.09)}" fill="none" stroke="${accent}" stroke-opacity="0.18" stroke-width="18"/>`;
  out += `<ellipse cx="${n(ringX)}" cy="${n(ringY)}" rx="${n(w * 0.42)}" ry="${n(h * 0.09)}" fill="none" stroke="${lighten(accent, 0.5)}" stroke-opacity="0.85" stroke-width="3"/>`;
  // main building: a long block with two facades (front lit, side in shade)
  const face = mix(mid, '#ffffff', 0.12);
  const shade = mix(mid, bg, 0.45);
  const x0 = w * rnd.range(0.12, 0.2);
  const x1 = w * rnd.range(0.62, 0.7);
  const roof = groundY - h * 0.3;
  const depth = w * 0.07;
  out += `<path d="M${n(x1)} ${n(roof)}L${n(x1 + depth)} ${n(roof - h * 0.04)}L${n(x1 + depth)} ${n(groundY - h * 0.02)}L${n(x1)} ${n(groundY)}Z" fill="${shade}"/>`;
  out += `<path d="M${n(x0)} ${n(roof)}L${n(x0 + depth)} ${n(roof - h * 0.04)}L${n(x1 + depth)} ${n(roof - h * 0.04)}L${n(x1)} ${n(roof)}Z" fill="${lighten(face, 0.15)}"/>`;
  out += `<rect x="${n(x0)}" y="${n(roof)}" width="${n(x1 - x0)}" height="${n(groundY - roof)}" fill="${face}"/>`;
  // window grid with a few lit windows
  const columns = Math.floor((x1 - x0) / 46);
  const rows = 4;
  const cellW = (x1 - x0) / columns;
  const cellH = (groundY - roof - h * 0.04) / rows;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const lit = rnd.chance(0.28);
      out += `<rect x="${n(x0 + c * cellW + cellW * 0.18)}" y="${n(roof + h * 0.02 + r * cellH + cellH * 0.2)}" width="${n(cellW * 0.64)}" height="${n(cellH * 0.6)}" rx="2" fill="${lit ? lighten(accent, 0.35) : mix(shade, bg, 0.3)}" fill-opacity="${lit ? 0.95 : 0.85}"/>`;
    }
  }
  // glass atrium
  const ax = x0 + (x1 - x0) * rnd.range(0.3, 0.55);
  const aw = (x1 - x0) * 0.16;
  const atrium = linear(
    canvas,
    [0, roof - h * 0.08],
    [0, groundY],
    [
      [0, lighten(accent, 0.5), 0.9],
      [1, accent, 0.5],
    ],
  );
  out += `<path d="M${n(ax)} ${n(groundY)}V${n(roof - h * 0.02)}Q${n(ax + aw / 2)} ${n(roof - h * 0.12)} ${n(ax + aw)} ${n(roof - h * 0.02)}V${n(groundY)}Z" fill="url(#${atrium})"/>`;
  for (let i = 1; i < 4; i++) {
    out += `<path d="M${n(ax + (aw * i) / 4)} ${n(groundY)}V${n(roof - h * 0.06)}" stroke="${shade}" stroke-opacity="0.5" stroke-width="2"/>`;
  }
  // observatory dome on a tower
  const tx = x1 + w * rnd.range(0.08, 0.16);
  const tw = w * 0.07;
  const towerTop = groundY - h * 0.36;
  out += `<rect x="${n(tx)}" y="${n(towerTop)}" width="${n(tw)}" height="${n(groundY - towerTop)}" fill="${shade}"/>`;
  out += `<rect x="${n(tx)}" y="${n(towerTop)}" width="${n(tw * 0.55)}" height="${n(groundY - towerTop)}" fill="${face}" fill-opacity="0.85"/>`;
  out += `<path d="M${n(tx - 6)} ${n(towerTop)}A${n(tw / 2 + 6)} ${n(tw / 2 + 6)} 0 0 1 ${n(tx + tw + 6)} ${n(towerTop)}Z" fill="${lighten(face, 0.25)}"/>`;
  out += `<rect x="${n(tx + tw * 0.44)}" y="${n(towerTop - tw * 0.5)}" width="${n(tw * 0.12)}" height="${n(tw * 0.5)}" fill="${mix(shade, bg, 0.4)}"/>`;
  // rounded trees
  for (let i = 0; i < 9; i++) {
    const x = rnd.range(0, w);
    const size = rnd.range(h * 0.03, h * 0.07);
    const y = groundY + rnd.range(-0.01, 0.03) * h;
    out += `<path d="M${n(x)} ${n(y)}V${n(y - size * 0.6)}" stroke="${darken(bg, 0.4)}" stroke-width="4"/>`;
    out += `<ellipse cx="${n(x)}" cy="${n(y - size * 1.2)}" rx="${n(size * 0.7)}" ry="${n(size)}" fill="${mix(darken(bg, 0.2), mid, 0.3)}"/>`;
  }
  return out;
}
