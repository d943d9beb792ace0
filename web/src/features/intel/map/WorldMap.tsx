import { Box } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { Link } from '@tanstack/react-router';
import { geoGraticule10, geoPath } from 'd3-geo';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../components/format.ts';
import { fitProjection, project, spreadOverlaps } from '../../../components/map/projection.ts';
import { COUNTRIES } from '../../../components/map/worldShapes.ts';
import type { MapCentre } from '../api/types.ts';
import { StatusMark } from './StatusMark.tsx';

const GRATICULE = geoGraticule10();

/** Country shapes in SVG and a mark per scam centre; each mark is a link to the centre's entity page. */
export function WorldMap({ centres, zoomToCentres }: { centres: MapCentre[]; zoomToCentres: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { ref, width } = useElementSize();
  const w = Math.max(Math.round(width), 280);
  const h = Math.round(Math.max(w * 0.55, 260));
  const focus = zoomToCentres && centres.length > 0 ? centres : null;
  const projection = useMemo(() => fitProjection(w, h, focus), [w, h, focus]);
  const shapes = useMemo(() => {
    const path = geoPath(projection);
    return {
      sphere: path({ type: 'Sphere' }) ?? '',
      graticule: path(GRATICULE) ?? '',
      countries: COUNTRIES.features.map((f, i) => ({ key: String(f.id ?? i), d: path(f) ?? '' })),
    };
  }, [projection]);
  const r = w < 500 ? 5 : 6;
  const marks = useMemo(() => {
    const placed = centres.flatMap((c) => {
      const xy = project(projection, c);
      return xy ? [{ c, xy }] : [];
    });
    const spread = spreadOverlaps(
      placed.map((p) => p.xy),
      r * 2.2,
    );
    return placed.map((p, i) => ({ c: p.c, xy: spread[i] ?? p.xy }));
  }, [centres, projection, r]);

  return (
    <Box ref={ref} w="100%">
      <svg
        width="100%"
        viewBox={`0 0 ${w} ${h}`}
        aria-labelledby="world-map-title"
        data-testid="world-map"
        style={{ display: 'block', background: 'var(--mantine-color-blue-light)', borderRadius: 4 }}
      >
        <title id="world-map-title">{t('intel.map.svgLabel', { count: centres.length })}</title>
        <defs>
          <clipPath id="map-clip">
            <rect x={0} y={0} width={w} height={h} />
          </clipPath>
        </defs>
        <g clipPath="url(#map-clip)">
          <path d={shapes.sphere} fill="var(--mantine-color-body)" opacity={0.35} />
          <path d={shapes.graticule} fill="none" stroke="var(--mantine-color-default-border)" strokeWidth={0.5} />
          {shapes.countries.map((c) => (
            <path
              key={c.key}
              d={c.d}
              fill="var(--mantine-color-default)"
              stroke="var(--mantine-color-gray-5)"
              strokeWidth={0.6}
            />
          ))}
        </g>
        <g clipPath="url(#map-clip)">
          {marks.map(({ c, xy }) => {
            const name = `${c.label}, ${fmt.country(c.country)}: ${t(`intel.centreStatus.${c.status}`)}`;
            return (
              <Link key={c.id} to="/intel/entities/$entityId" params={{ entityId: c.id }} aria-label={name}>
                <title>{name}</title>
                <StatusMark status={c.status} x={xy[0]} y={xy[1]} r={r} />
              </Link>
            );
          })}
        </g>
      </svg>
    </Box>
  );
}
