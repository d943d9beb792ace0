/**
 * bench/graph: link analysis over a synthetic intelligence graph of 1,000,000 entities and
 * 3,000,000 links (bench/graph/synthetic.ts), against building that graph, in the same run.
 *
 *   npm run bench -- graph [--nodes 1000000] [--edges 3000000] [--seeds 1000] [--pivots 100]
 *                          [--networks 10]
 *
 * Figure:   analysis_s: networks (all connected components) + keyPlayers (degree and PageRank)
 *           on the `--networks` largest networks + sampled betweenness (`--pivots` pivots) on
 *           the largest one, on the built graph. Goal: under 30 s.
 * Baseline: buildGraph from the rows (the typed-array graph every analysis needs first). Also printed: a
 *           union-find over the raw integer edge arrays, the floor for finding networks at all.
 * Also:     communities (Louvain) on the largest network; 3-hop neighbourhood and shortest-path
 *           latency from `--seeds` seeded random entities in large networks (goal: p99 < 50 ms).
 * RESULT:   analysis_s in seconds; ratio = analysis / build; goal = 30 (seconds, on the figure).
 * Memory: the graph takes a few GiB; the benchmark re-runs itself with --max-old-space-size=12288
 * unless NODE_OPTIONS or the command line already sets a heap size.
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { getHeapStatistics } from 'node:v8';
import {
  buildGraph,
  communities,
  type GraphEdge,
  type GraphNode,
  keyPlayers,
  neighbourhood,
  networks,
  seededRandom,
  shortestPath,
} from '../../server/src/features/intel/graph/index.ts';
import { loadLine, machineLine, ratioText, resultLine } from '../lib/report.ts';
import { latency, measure, timed, unionFindComponents } from './measure.ts';
import { EDGE_TYPES, NODE_TYPES, synthesise } from './synthetic.ts';

const NAME = 'graph';
const GOAL_S = 30;
const GOAL_P99_MS = 50;
const HEAP_MB = 12_288;

const USAGE = `usage: npm run bench -- ${NAME} [--nodes N] [--edges N] [--seeds N] [--pivots N] [--networks N]`;

if (
  !process.execArgv.some((a) => a.startsWith('--max-old-space-size')) &&
  !/max-old-space-size/.test(process.env.NODE_OPTIONS ?? '')
) {
  const r = spawnSync(
    process.execPath,
    [`--max-old-space-size=${HEAP_MB}`, ...process.execArgv, ...process.argv.slice(1)],
    {
      stdio: 'inherit',
    },
  );
  process.exit(r.status ?? 1);
}

function options() {
  try {
    const { values } = parseArgs({
      args: process.argv.slice(2),
      options: {
        nodes: { type: 'string', default: '1000000' },
        edges: { type: 'string', default: '3000000' },
        seeds: { type: 'string', default: '1000' },
        pivots: { type: 'string', default: '100' },
        networks: { type: 'string', default: '10' },
      },
    });
    const num = (k: keyof typeof values, min: number) => {
      const n = Number(values[k]);
      if (!Number.isInteger(n) || n < min) throw new Error(`--${k} must be a whole number ≥ ${min}`);
      return n;
    };
    return {
      nodes: num('nodes', 100),
      edges: num('edges', 0),
      seeds: num('seeds', 10),
      pivots: num('pivots', 1),
      top: num('networks', 1),
    };
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}

function main(): void {
  const opts = options();
  console.log(`${NAME}: link analysis on ${opts.nodes} entities / ${opts.edges} links vs building the graph`);
  console.log(machineLine());
  console.log(loadLine('before the run'));
  const gen = timed('generate synthetic rows (not counted)', () => synthesise(opts.nodes, opts.edges));
  const syn = gen.value;
  const sizes = syn.plan.map(([, s]) => s);
  console.log(
    `planned: ${syn.plan.length} networks, largest ${sizes.slice(0, 6).join(', ')}; ${syn.edgeCount} link rows; heap limit ${Math.round(getHeapStatistics().heap_size_limit / 2 ** 20)} MiB`,
  );

  const unionFind = timed('reference: union-find on raw integer arrays', () =>
    unionFindComponents(syn.nodeCount, syn.source, syn.target),
  );

  // Flat id strings made once, as a database driver hands them over (a driver makes new
  // strings per row, which adds one hash per id: ~0.1 µs).
  const ids = Array.from({ length: syn.nodeCount }, (_, i) => syn.id(i));
  new Set(ids);
  function* nodeRows(): Generator<GraphNode> {
    for (let i = 0; i < syn.nodeCount; i++) yield { id: ids[i]!, type: NODE_TYPES[syn.nodeType[i]!]! };
  }
  function* edgeRows(): Generator<GraphEdge> {
    for (let i = 0; i < syn.edgeCount; i++) {
      yield { source: ids[syn.source[i]!]!, target: ids[syn.target[i]!]!, type: EDGE_TYPES[syn.edgeType[i]!]! };
    }
  }
  const build = timed('baseline: buildGraph from the rows', () => buildGraph(nodeRows(), edgeRows()));
  const g = build.value;
  const memory = process.memoryUsage();
  const heap = (memory.heapUsed / 2 ** 30).toFixed(1);
  const arrays = (memory.arrayBuffers / 2 ** 30).toFixed(2);
  console.log(
    `graph: ${g.order} nodes, ${g.size} edges (${g.getAttribute('mergedEdges')} repeated rows merged); heap ${heap} GiB, typed arrays ${arrays} GiB (the synthetic rows included)`,
  );

  const nets = timed('networks (all connected components)', () => networks(g, { minSize: 1 }));
  const all = nets.value;
  if (all.length !== unionFind.value) throw new Error(`networks found ${all.length}, union-find ${unionFind.value}`);
  console.log(
    `networks: ${all.length}; largest ${all
      .slice(0, 6)
      .map((n) => n.size)
      .join(', ')}; ${all.filter((n) => n.size === 1).length} isolated`,
  );
  const largest = all.slice(0, opts.top);
  const ranks = timed(`keyPlayers degree + PageRank, ${largest.length} largest networks`, () =>
    largest.map((n) => keyPlayers(g, n.nodeIds!, { top: 5 })),
  );
  const biggest = largest[0]!;
  const between = timed(`sampled betweenness, ${opts.pivots} pivots, largest (${biggest.size})`, () =>
    keyPlayers(g, biggest.nodeIds!, { top: 5, betweennessSamples: opts.pivots, rankBy: 'betweenness' }),
  );
  const top = between.value[0]!;
  console.log(
    `largest network: top PageRank ${ranks.value[0]![0]!.id} (${g.getNodeAttribute(ranks.value[0]![0]!.id, 'type')}, degree ${ranks.value[0]![0]!.degree}); ` +
      `top betweenness ${top.id} (${g.getNodeAttribute(top.id, 'type')}, ${top.betweenness!.toPrecision(3)}, ${top.betweennessMethod})`,
  );
  const figure = nets.s + ranks.s + between.s;
  const figureCpu = nets.cpu + ranks.cpu + between.cpu;
  const line = (label: string, s: number, cpu: number, tail = '') =>
    console.log(`${label.padEnd(52)} ${s.toFixed(2).padStart(7)} s   (cpu ${cpu.toFixed(2)} s)${tail}`);
  line('figure: networks + centrality', figure, figureCpu, `   goal < ${GOAL_S} s`);
  line('  with the build: from rows to answers', figure + build.s, figureCpu + build.cpu);

  // Latency from entities in the large networks (where the hubs are), and from any entity.
  const random = seededRandom(7);
  const pick = (ids: string[]) => ids[Math.floor(random() * ids.length)]!;
  const pool = largest.flatMap((n) => n.nodeIds!);
  const poolNetwork = largest.flatMap((n, i) => n.nodeIds!.map(() => i));
  const allIds = g.nodes();
  for (let i = 0; i < 50; i++) neighbourhood(g, pick(pool), 3); // warm-up
  const truncated = { n: 0 };
  const nbLarge = Array.from({ length: opts.seeds }, () => {
    const id = pick(pool);
    return measure(() => {
      if (neighbourhood(g, id, 3).truncated) truncated.n++;
    });
  });
  const p99 = latency('3-hop neighbourhood (limit 500), large networks', nbLarge);
  console.log(`  ${truncated.n} of ${opts.seeds} truncated (500 nodes or the scan budget)`);
  latency(
    '3-hop neighbourhood (limit 500), any entity',
    Array.from({ length: opts.seeds }, () => measure(() => neighbourhood(g, pick(allIds), 3))),
  );
  // Pairs inside one network (chosen in proportion to size): what an analyst asks.
  let found = 0;
  const paths = Array.from({ length: opts.seeds }, () => {
    const k = Math.floor(random() * pool.length);
    const a = pool[k]!;
    const b = pick(largest[poolNetwork[k]!]!.nodeIds!);
    return measure(() => {
      if (shortestPath(g, a, b, 12)) found++;
    });
  });
  latency('shortest path (max 12 hops), pairs in one large network', paths);
  console.log(`  ${found} of ${opts.seeds} pairs linked`);

  const comm = timed(`communities (Louvain), largest (${biggest.size})`, () => communities(g, biggest.nodeIds!));
  console.log(
    `communities: ${comm.value.length}; largest ${comm.value
      .slice(0, 5)
      .map((c) => c.nodeIds.length)
      .join(', ')}`,
  );

  const met = figure < GOAL_S && p99 < GOAL_P99_MS;
  console.log(
    `goals: analysis ${figure.toFixed(1)} s < ${GOAL_S} s, neighbourhood p99 ${p99.toFixed(1)} ms < ${GOAL_P99_MS} ms: ${met ? 'met' : 'NOT met'}`,
  );
  console.log(loadLine('after the run'));
  console.log(
    resultLine({
      name: NAME,
      figure: 'analysis_s',
      value: figure.toFixed(2),
      baseline: build.s.toFixed(2),
      ratio: ratioText(figure / build.s),
      goal: `${GOAL_S}`,
    }),
  );
}

main();
