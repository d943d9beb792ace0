/**
 * Link analysis over the intelligence graph: a pure module over plain rows, with no database
 * and no markings of its own. The caller passes only what the viewer may see (see README.md).
 */
export {
  type Betweenness,
  type KeyPlayer,
  type KeyPlayersOptions,
  keyPlayers,
  sampledBetweenness,
} from './centrality.ts';
export { type CommunitiesOptions, type Community, communities } from './communities.ts';
export { type Compact, compact, type Projection, seededRandom, toGraphology } from './compact.ts';
export {
  buildGraph,
  type EdgeAttributes,
  type EdgeKey,
  type EdgeOutcome,
  Graph,
  type GraphAttributes,
  type GraphEdge,
  type GraphNode,
  type NodeAttributes,
} from './graph.ts';
export { type Network, type NetworksOptions, networkOf, networks } from './networks.ts';
export {
  DEFAULT_NEIGHBOURHOOD_LIMIT,
  type Neighbourhood,
  neighbourhood,
  type Path,
  shortestPath,
} from './traversal.ts';
