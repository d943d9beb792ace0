import { describe, expect, it } from 'vitest';
import { boundsAround, fitProjection, project, spreadOverlaps } from './projection.ts';

describe('boundsAround', () => {
  it('widens a single point to the minimum span', () => {
    const [[w, s], [e, n]] = boundsAround([{ lon: 98.5, lat: 16.7 }]) ?? [
      [0, 0],
      [0, 0],
    ];
    expect([w, s, e, n].map((v) => Math.round(v * 10) / 10)).toEqual([78.5, 3.7, 118.5, 29.7]);
  });
  it('pads a wide set by a tenth and clamps to the globe', () => {
    const b = boundsAround([
      { lon: -170, lat: -80 },
      { lon: 170, lat: 80 },
    ]);
    expect(b).toEqual([
      [-180, -85],
      [180, 85],
    ]);
  });
  it('gives null without points', () => {
    expect(boundsAround([])).toBeNull();
  });
});

describe('fitProjection', () => {
  it('centres the whole world in the box', () => {
    const p = fitProjection(800, 400, null, 0);
    const [x, y] = project(p, { lon: 0, lat: 0 }) ?? [NaN, NaN];
    expect(x).toBeCloseTo(400, 0);
    expect(y).toBeCloseTo(200, 0);
    const [wx] = project(p, { lon: -179.9, lat: 0 }) ?? [NaN];
    const [ex] = project(p, { lon: 179.9, lat: 0 }) ?? [NaN];
    expect(wx).toBeGreaterThanOrEqual(-0.5);
    expect(ex).toBeLessThanOrEqual(800.5);
  });
  it('zooms on the centres so that each lands inside the box, west left of east, north above south', () => {
    const pts = [
      { lon: 98.5, lat: 16.7 },
      { lon: 103.5, lat: 10.6 },
      { lon: 120.9, lat: 14.6 },
    ];
    const p = fitProjection(600, 400, pts);
    const xy = pts.map((q) => project(p, q));
    for (const v of xy) {
      expect(v).not.toBeNull();
      const [x, y] = v as [number, number];
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(600);
      expect(y).toBeGreaterThan(0);
      expect(y).toBeLessThan(400);
    }
    expect((xy[0] as number[])[0]).toBeLessThan((xy[2] as number[])[0] as number);
    expect((xy[1] as number[])[1]).toBeGreaterThan((xy[0] as number[])[1] as number);
  });
});

describe('spreadOverlaps', () => {
  it('moves marks off each other and leaves distant ones alone', () => {
    const out = spreadOverlaps(
      [
        [100, 100],
        [101, 100],
        [100.5, 99],
        [300, 300],
      ],
      10,
    );
    expect(out[0]).toEqual([100, 100]);
    expect(out[3]).toEqual([300, 300]);
    for (let i = 0; i < 3; i++)
      for (let j = i + 1; j < 3; j++) {
        const [a, b] = [out[i] as number[], out[j] as number[]];
        expect(
          Math.hypot((a[0] as number) - (b[0] as number), (a[1] as number) - (b[1] as number)),
        ).toBeGreaterThanOrEqual(9.99);
      }
  });
});
