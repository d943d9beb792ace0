import type { TraceResult } from '@cordon/contracts';
import { Box, useMantineTheme } from '@mantine/core';
import { sankey, sankeyLinkHorizontal } from 'd3-sankey';
import { useMemo } from 'react';

interface N {
  id: string;
  label: string;
  kind: 'origin' | 'account';
}
interface L {
  source: string;
  target: string;
  value: number;
}

/**
 * Flow of the traced funds (d3-sankey): victims on the left, then each hop. Widths are the traced
 * amounts (a float is fine for drawing; the figures shown next to it come exact from the server).
 */
export function SankeyChart({ trace, label }: { trace: TraceResult; label: string }) {
  const theme = useMantineTheme();
  const layout = useMemo(() => {
    const nodes: N[] = [];
    const seen = new Set<string>();
    const add = (n: N) => {
      if (!seen.has(n.id)) {
        seen.add(n.id);
        nodes.push(n);
      }
    };
    const byId = new Map(trace.nodes.map((n) => [n.accountId, n]));
    const links = new Map<string, L>();
    const link = (source: string, target: string, value: number) => {
      if (!(value > 0) || source === target) return;
      const k = `${source}>${target}`;
      const l = links.get(k);
      if (l) l.value += value;
      else links.set(k, { source, target, value });
    };
    const originTx = new Map(trace.origins.map((o) => [o.transactionId, o.id]));
    for (const e of trace.edges) {
      const to = byId.get(e.to);
      if (!to) continue;
      add({ id: e.to, label: to.display, kind: 'account' });
      const origin = originTx.get(e.transactionId);
      if (origin) {
        add({ id: `o:${origin}`, label: origin, kind: 'origin' });
        link(`o:${origin}`, e.to, Number(e.traced));
      } else if (e.from && byId.has(e.from)) {
        add({ id: e.from, label: byId.get(e.from)!.display, kind: 'account' });
        link(e.from, e.to, Number(e.traced));
      }
    }
    // d3-sankey needs an acyclic graph: drop links that go back to an earlier hop.
    const hop = (id: string) => (id.startsWith('o:') ? 0 : (byId.get(id)?.hop ?? 0));
    const kept = [...links.values()].filter((l) => hop(l.source) < hop(l.target));
    const used = new Set(kept.flatMap((l) => [l.source, l.target]));
    const width = 960;
    const height = Math.max(240, Math.min(900, used.size * 22));
    const g = sankey<N, L>()
      .nodeId((n) => n.id)
      .nodeWidth(12)
      .nodePadding(8)
      .extent([
        [1, 1],
        [width - 1, height - 1],
      ]);
    const graph = g({
      nodes: nodes.filter((n) => used.has(n.id)).map((n) => ({ ...n })),
      links: kept.map((l) => ({ ...l })),
    });
    return { graph, width, height };
  }, [trace]);
  const path = sankeyLinkHorizontal();
  if (layout.graph.nodes.length === 0) return null;
  return (
    <Box style={{ overflowX: 'auto' }} data-testid="finance-sankey" tabIndex={0} role="region" aria-label={label}>
      <svg
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        width="100%"
        role="img"
        aria-label={label}
        style={{ minWidth: 560 }}
      >
        <g fill="none">
          {layout.graph.links.map((l, i) => (
            <path
              // biome-ignore lint/suspicious/noArrayIndexKey: links have no id of their own
              key={i}
              d={path(l) ?? ''}
              stroke={theme.colors.blue[4]}
              strokeOpacity={0.45}
              strokeWidth={Math.max(1, l.width ?? 1)}
            />
          ))}
        </g>
        {layout.graph.nodes.map((n) => (
          <g key={n.id}>
            <rect
              x={n.x0}
              y={n.y0}
              width={(n.x1 ?? 0) - (n.x0 ?? 0)}
              height={Math.max(1, (n.y1 ?? 0) - (n.y0 ?? 0))}
              fill={n.kind === 'origin' ? theme.colors.red[7] : theme.colors.dark[5]}
            />
            <text
              x={(n.x0 ?? 0) < layout.width / 2 ? (n.x1 ?? 0) + 4 : (n.x0 ?? 0) - 4}
              y={((n.y0 ?? 0) + (n.y1 ?? 0)) / 2}
              dy="0.35em"
              fontSize={11}
              fill={theme.colors.dark[7]}
              textAnchor={(n.x0 ?? 0) < layout.width / 2 ? 'start' : 'end'}
            >
              {n.label.length > 28 ? `${n.label.slice(0, 12)}…${n.label.slice(-10)}` : n.label}
            </text>
          </g>
        ))}
      </svg>
    </Box>
  );
}
