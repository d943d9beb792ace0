import { Box } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { geoPath } from 'd3-geo';
import { useMemo } from 'react';
import { fitProjection, project } from '../../components/map/projection.ts';
import { COUNTRIES } from '../../components/map/worldShapes.ts';

/** The offline world map zoomed on a case's last known location, with one mark. */
export function CaseMap({ lat, lon, label }: { lat: number; lon: number; label: string }) {
  const { ref, width } = useElementSize();
  const w = Math.max(Math.round(width), 260);
  const h = Math.round(Math.max(w * 0.55, 200));
  const point = useMemo(() => [{ lat, lon }], [lat, lon]);
  const projection = useMemo(() => fitProjection(w, h, point), [w, h, point]);
  const countries = useMemo(() => {
    const path = geoPath(projection);
    return COUNTRIES.features.map((f, i) => ({ key: String(f.id ?? i), d: path(f) ?? '' }));
  }, [projection]);
  const xy = project(projection, { lat, lon });
  return (
    <Box ref={ref} w="100%">
      <svg
        width="100%"
        viewBox={`0 0 ${w} ${h}`}
        role="img"
        aria-label={label}
        data-testid="case-map"
        style={{ display: 'block', background: 'var(--mantine-color-blue-light)', borderRadius: 4 }}
      >
        <g>
          {countries.map((c) => (
            <path
              key={c.key}
              d={c.d}
              fill="var(--mantine-color-default)"
              stroke="var(--mantine-color-gray-5)"
              strokeWidth={0.6}
            />
          ))}
        </g>
        {xy ? (
          <g>
            <circle cx={xy[0]} cy={xy[1]} r={14} fill="var(--mantine-color-red-6)" opacity={0.25} />
            <circle cx={xy[0]} cy={xy[1]} r={6} fill="var(--mantine-color-red-7)" stroke="white" strokeWidth={2} />
          </g>
        ) : null}
      </svg>
    </Box>
  );
}
