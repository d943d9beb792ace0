import { type GeoPermissibleObjects, type GeoProjection, geoNaturalEarth1 } from 'd3-geo';

export interface Point {
  lon: number;
  lat: number;
}

/** The smallest span shown around the centres, in degrees, so that one centre is not a huge zoom. */
export const MIN_SPAN = { lon: 40, lat: 26 };

/** [[west, south], [east, north]] around the points, widened to at least MIN_SPAN and clamped to the globe. */
export function boundsAround(points: Point[], minSpan = MIN_SPAN): [[number, number], [number, number]] | null {
  if (points.length === 0) return null;
  let west = Math.min(...points.map((p) => p.lon));
  let east = Math.max(...points.map((p) => p.lon));
  let south = Math.min(...points.map((p) => p.lat));
  let north = Math.max(...points.map((p) => p.lat));
  const padLon = Math.max((minSpan.lon - (east - west)) / 2, (east - west) * 0.1);
  const padLat = Math.max((minSpan.lat - (north - south)) / 2, (north - south) * 0.1);
  west = Math.max(-180, west - padLon);
  east = Math.min(180, east + padLon);
  south = Math.max(-85, south - padLat);
  north = Math.min(85, north + padLat);
  return [
    [west, south],
    [east, north],
  ];
}

/**
 * A Natural Earth projection fitted into width × height (with a margin): to the whole globe, or
 * to the box around the given points.
 */
export function fitProjection(width: number, height: number, focus: Point[] | null, margin = 8): GeoProjection {
  const extent: [[number, number], [number, number]] = [
    [margin, margin],
    [width - margin, height - margin],
  ];
  const box = focus ? boundsAround(focus) : null;
  const object: GeoPermissibleObjects = box
    ? {
        type: 'MultiPoint',
        coordinates: [box[0], box[1], [box[0][0], box[1][1]], [box[1][0], box[0][1]]],
      }
    : { type: 'Sphere' };
  return geoNaturalEarth1().fitExtent(extent, object);
}

/** Screen position of a point, or null when the projection cannot place it. */
export function project(projection: GeoProjection, p: Point): [number, number] | null {
  const xy = projection([p.lon, p.lat]);
  return xy && Number.isFinite(xy[0]) && Number.isFinite(xy[1]) ? [xy[0], xy[1]] : null;
}

/**
 * Screen positions with marks that would sit on top of each other moved apart: each mark closer
 * than `minDist` to one already placed goes round it, step by step, so every one stays clickable.
 */
export function spreadOverlaps(points: [number, number][], minDist: number): [number, number][] {
  const placed: [number, number][] = [];
  for (const [x, y] of points) {
    let pos: [number, number] = [x, y];
    for (let step = 0; step < 24 && placed.some(([px, py]) => Math.hypot(px - pos[0], py - pos[1]) < minDist); step++) {
      const ring = 1 + Math.floor(step / 6);
      const angle = (step % 6) * (Math.PI / 3) + ring * 0.5;
      pos = [x + ring * minDist * Math.cos(angle), y + ring * minDist * Math.sin(angle)];
    }
    placed.push(pos);
  }
  return placed;
}
