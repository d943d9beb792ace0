import type { ResultsDashboard } from '@cordon/contracts';
import { Box } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { geoPath } from 'd3-geo';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../components/format.ts';
import { fitProjection } from '../../../components/map/projection.ts';
import { COUNTRIES } from '../../../components/map/worldShapes.ts';

/**
 * Countries that reported results, shaded by arrests (the same figures are in the table below it).
 * Uses the intelligence map's bundled outlines and projection: nothing is fetched.
 */
export function ResultsMap({ byCountry }: { byCountry: ResultsDashboard['byCountry'] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { ref, width } = useElementSize();
  const w = Math.max(Math.round(width), 280);
  const h = Math.round(Math.max(w * 0.45, 200));
  const byId = useMemo(
    () => new Map(byCountry.flatMap((c) => (c.isoNumeric ? [[c.isoNumeric, c] as const] : []))),
    [byCountry],
  );
  const focus = useMemo(() => {
    const pts: { lat: number; lon: number }[] = [];
    for (const f of COUNTRIES.features) {
      if (!byId.has(String(f.id))) continue;
      const [[x0, y0], [x1, y1]] = geoPath().bounds(f);
      pts.push({ lon: x0, lat: y0 }, { lon: x1, lat: y1 });
    }
    return pts.length > 0 ? pts : null;
  }, [byId]);
  const projection = useMemo(() => fitProjection(w, h, focus), [w, h, focus]);
  const max = Math.max(1, ...byCountry.map((c) => c.arrests));
  const paths = useMemo(() => {
    const path = geoPath(projection);
    return COUNTRIES.features.map((f, i) => ({ key: String(f.id ?? i), id: String(f.id), d: path(f) ?? '' }));
  }, [projection]);
  return (
    <Box ref={ref} w="100%">
      <svg
        width="100%"
        viewBox={`0 0 ${w} ${h}`}
        role="img"
        aria-labelledby="results-map-title"
        data-testid="results-map"
        style={{ display: 'block', background: 'var(--mantine-color-blue-light)', borderRadius: 4 }}
      >
        <title id="results-map-title">
          {t('operations.results.mapLabel', {
            list: byCountry.map((c) => `${fmt.country(c.country)} ${c.arrests}`).join(', '),
          })}
        </title>
        {paths.map((p) => {
          const c = byId.get(p.id);
          return (
            <path
              key={p.key}
              d={p.d}
              fill={c ? 'var(--mantine-color-red-9)' : 'var(--mantine-color-default)'}
              fillOpacity={c ? 0.35 + 0.65 * (c.arrests / max) : 1}
              stroke="var(--mantine-color-gray-5)"
              strokeWidth={0.6}
            />
          );
        })}
      </svg>
    </Box>
  );
}
