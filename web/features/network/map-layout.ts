import { franceViewBox, projectToSvg } from '../../../shared/geo/france.ts';

export type Located = { id: string; latitude: number | null; longitude: number | null; acronym: string };

export type PlacedMarker<T extends Located> = {
  item: T;
  /** Where the marker is drawn. */
  x: number;
  y: number;
  /** Where the lab really is (differs from x/y when spread out of a cluster). */
  trueX: number;
  trueY: number;
  clusterSize: number;
};

export type Cluster = { x: number; y: number; size: number };

/**
 * Projects labs onto the map and spreads those that would overlap (same city, same campus)
 * on a small circle around their common centre, so every lab keeps its own marker and link.
 */
export function layoutMarkers<T extends Located>(
  items: readonly T[],
  width: number,
  options: { clusterDistance?: number; markerSpacing?: number } = {},
): { markers: PlacedMarker<T>[]; clusters: Cluster[]; height: number; viewBox: string } {
  const clusterDistance = options.clusterDistance ?? 13;
  const spacing = options.markerSpacing ?? 17;
  const { height, viewBox } = franceViewBox(width);
  const points = items
    .filter((item) => item.latitude !== null && item.longitude !== null)
    .map((item) => ({ item, ...projectToSvg(item.longitude as number, item.latitude as number, width) }));

  // Greedy single-link grouping: small inputs (tens of labs per view), so O(n²) is fine.
  const groups: { members: typeof points; x: number; y: number }[] = [];
  for (const point of points) {
    const group = groups.find((candidate) =>
      candidate.members.some(
        (member) => Math.hypot(member.x - point.x, member.y - point.y) < clusterDistance,
      ),
    );
    if (group) {
      group.members.push(point);
      group.x = group.members.reduce((sum, member) => sum + member.x, 0) / group.members.length;
      group.y = group.members.reduce((sum, member) => sum + member.y, 0) / group.members.length;
    } else {
      groups.push({ members: [point], x: point.x, y: point.y });
    }
  }

  const markers: PlacedMarker<T>[] = [];
  const clusters: Cluster[] = [];
  for (const group of groups) {
    const count = group.members.length;
    if (count === 1) {
      const only = group.members[0]!;
      markers.push({ item: only.item, x: only.x, y: only.y, trueX: only.x, trueY: only.y, clusterSize: 1 });
      continue;
    }
    clusters.push({ x: group.x, y: group.y, size: count });
    // Radius such that neighbours on the circle are `spacing` apart.
    const radius = Math.max(spacing * 0.75, spacing / (2 * Math.sin(Math.PI / count)));
    const sorted = [...group.members].sort((a, b) => a.item.acronym.localeCompare(b.item.acronym));
    sorted.forEach((member, index) => {
      const angle = -Math.PI / 2 + (2 * Math.PI * index) / count;
      markers.push({
        item: member.item,
        x: group.x + radius * Math.cos(angle),
        y: group.y + radius * Math.sin(angle),
        trueX: member.x,
        trueY: member.y,
        clusterSize: count,
      });
    });
  }
  return { markers, clusters, height, viewBox };
}

export type LabelPlacement = { x: number; y: number; anchor: 'start' | 'middle' | 'end' };

type Box = { left: number; top: number; right: number; bottom: number };

const overlaps = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * Places a text label next to each marker where it hides neither another marker nor another
 * label; markers spread out of a cluster get theirs outwards. A marker whose label cannot be
 * placed keeps only its hover/focus tooltip.
 */
export function placeLabels<T extends Located>(
  markers: readonly PlacedMarker<T>[],
  options: { charWidth?: number; lineHeight?: number; markerRadius?: number } = {},
): Map<string, LabelPlacement> {
  const charWidth = options.charWidth ?? 6.6;
  const lineHeight = options.lineHeight ?? 12;
  const markerRadius = options.markerRadius ?? 8;
  const taken: Box[] = markers.map((marker) => ({
    left: marker.x - markerRadius,
    top: marker.y - markerRadius,
    right: marker.x + markerRadius,
    bottom: marker.y + markerRadius,
  }));
  const placements = new Map<string, LabelPlacement>();
  const gap = markerRadius + 3;

  const boxOf = (placement: LabelPlacement, text: string): Box => {
    const width = text.length * charWidth;
    const left =
      placement.anchor === 'start'
        ? placement.x
        : placement.anchor === 'end'
          ? placement.x - width
          : placement.x - width / 2;
    return { left, right: left + width, top: placement.y - lineHeight + 3, bottom: placement.y + 3 };
  };

  // Lone markers first (their labels matter most), then the spread-out ones.
  const ordered = [...markers].sort((a, b) => a.clusterSize - b.clusterSize);
  for (const marker of ordered) {
    const text = marker.item.acronym;
    const candidates: LabelPlacement[] = [];
    if (marker.clusterSize > 1) {
      const dx = marker.x - marker.trueX;
      const dy = marker.y - marker.trueY;
      const length = Math.hypot(dx, dy) || 1;
      const ux = dx / length;
      const uy = dy / length;
      const anchor = ux > 0.35 ? 'start' : ux < -0.35 ? 'end' : 'middle';
      candidates.push({
        x: marker.x + ux * gap,
        y: marker.y + uy * gap + (anchor === 'middle' ? (uy > 0 ? 8 : 0) : 4),
        anchor,
      });
    }
    candidates.push(
      { x: marker.x + gap, y: marker.y + 4, anchor: 'start' },
      { x: marker.x - gap, y: marker.y + 4, anchor: 'end' },
      { x: marker.x, y: marker.y - gap, anchor: 'middle' },
      { x: marker.x, y: marker.y + gap + 8, anchor: 'middle' },
    );
    for (const candidate of candidates) {
      const box = boxOf(candidate, text);
      if (taken.some((other) => overlaps(box, other))) continue;
      taken.push(box);
      placements.set(marker.item.id, candidate);
      break;
    }
  }
  return placements;
}
