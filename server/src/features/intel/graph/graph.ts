/**
 * The intelligence graph: entities (persons, organisations, scam centres, selectors) as nodes,
 * relationships and "holds selector" links as edges, built from plain rows.
 *
 * One undirected multigraph:
 * - undirected, because link analysis follows a relationship both ways (a wallet leads to its
 *   holder as much as the holder to the wallet); each edge still keeps the `source` and `target`
 *   it was given, so "A operates B" comes back the way round it was reported;
 * - multi, because two entities can be linked by several relationships of different types
 *   ("operates" and "pays"), and each is evidence an analyst wants to see.
 * Rows that repeat an edge (same source, target and type) merge into one edge whose weight is
 * the sum (a link seen in two reports weighs 2). Edges whose endpoint is not among the nodes are
 * dropped, never given a placeholder node: the caller left that entity out (markings), and a
 * placeholder would reveal that it exists. Self-loops are dropped too. Both are counted in the
 * graph's attributes.
 *
 * Storage (README.md, "The graph"): compressed sparse rows in typed arrays, no object per node or
 * edge. Nodes are indices 0…n−1 (ids in an array, a Map from id to index). The edges between two
 * entities form one *pair*; each node's row lists its pairs (one slot per distinct neighbour) in
 * the order the first edge with that neighbour came in, and each pair keeps its edges in a linked
 * list in arrival order. Rows built in bulk sit in one CSR block; entities and links added later
 * (`addNode`, `addEdge`, from intelligence write events) go to per-node overflow lists, and
 * `removeEdge`/`removeNode` unlink in place. The method names follow graphology's where they do
 * the same thing (the browser draws the same model with Sigma.js).
 */

export interface GraphNode {
  id: string;
  type: 'person' | 'organisation' | 'scam-centre' | 'selector' | (string & {});
  label?: string;
}

export interface GraphEdge {
  source: string;
  target: string;
  type: string;
  /** A positive strength (reports, confidence); 1 when absent. Not a distance. */
  weight?: number;
}

export interface NodeAttributes {
  type: string;
  label?: string;
}

export interface EdgeAttributes {
  type: string;
  weight: number;
}

export interface GraphAttributes {
  /** Edges left out because an endpoint was not among the nodes. */
  droppedEdges: number;
  /** Self-loops left out. */
  selfLoops: number;
  /** Rows that repeated an edge already present and were merged into it. */
  mergedEdges: number;
}

/** An edge's key: its index in the edge arrays (stable while the graph lives). */
export type EdgeKey = number;

/** What `addEdge` did with a row. */
export type EdgeOutcome = 'added' | 'merged' | 'dropped' | 'self-loop';

const NONE = -1;

function grow<T extends Int32Array | Float64Array | Uint16Array | Uint8Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  const next = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2, 16));
  next.set(a);
  return next;
}

function checkWeight(e: GraphEdge): number {
  const weight = e.weight ?? 1;
  if (!(weight > 0) || !Number.isFinite(weight)) {
    throw new RangeError(`edge ${e.source} -> ${e.target} (${e.type}): weight must be a positive number`);
  }
  return weight;
}

export class Graph {
  readonly type = 'undirected';
  readonly multi = true;

  // Nodes.
  /** Node ids by index (a removed node keeps its index and id, see `removed`). */
  ids: string[] = [];
  readonly #index = new Map<string, number>();
  /** Index into `typeNames`, per node. */
  nodeType = new Uint16Array(0);
  labels: Array<string | undefined> = [];
  /** Live edges at each node (parallel edges each count, as graphology's degree). */
  degrees = new Int32Array(0);
  /** 1 for a removed node. */
  removed = new Uint8Array(0);
  #removedNodes = 0;

  // Rows: CSR block `rowStart[v]…rowEnd[v]` in `slotNeighbour`/`slotPair`, then `more[v]`.
  rowStart = new Int32Array(0);
  rowEnd = new Int32Array(0);
  /** Slots added after the bulk build, per node (undefined: none). */
  more: Array<number[] | undefined> = [];
  slotNeighbour = new Int32Array(0);
  slotPair = new Int32Array(0);
  #slots = 0;

  // Pairs: the edges between two nodes, a linked list through `edgeNext`.
  pairHead = new Int32Array(0);
  #pairs = 0;

  // Edges.
  edgeSource = new Int32Array(0);
  edgeTarget = new Int32Array(0);
  edgeType = new Uint16Array(0);
  edgeWeight = new Float64Array(0);
  edgeNext = new Int32Array(0);
  edgePair = new Int32Array(0);
  #edges = 0;
  #liveEdges = 0;

  readonly typeNames: string[] = [];
  readonly #typeIndex = new Map<string, number>();
  readonly #attributes: GraphAttributes = { droppedEdges: 0, selfLoops: 0, mergedEdges: 0 };

  /** Live nodes. */
  get order(): number {
    return this.ids.length - this.#removedNodes;
  }
  /** Live edges. */
  get size(): number {
    return this.#liveEdges;
  }
  /** Edge indices are < edgeCount (merged and removed edges have `edgePair` −1). */
  get edgeCount(): number {
    return this.#edges;
  }
  /** Node indices are < capacity (removed nodes keep their index). */
  get capacity(): number {
    return this.ids.length;
  }

  typeOf(name: string): number {
    let t = this.#typeIndex.get(name);
    if (t === undefined) {
      t = this.typeNames.length;
      if (t > 0xffff) throw new RangeError('too many distinct types');
      this.typeNames.push(name);
      this.#typeIndex.set(name, t);
    }
    return t;
  }

  /** The index of a live node, or −1. */
  indexOf(id: string): number {
    return this.#index.get(id) ?? NONE;
  }

  hasNode(id: string): boolean {
    return this.#index.has(id);
  }

  /** Adds a node; false (and no change) when the id is there already: the first row wins. */
  addNode(n: GraphNode): boolean {
    if (this.#index.has(n.id)) return false;
    const v = this.ids.length;
    this.#reserveNodes(v + 1);
    this.ids.push(n.id);
    this.#index.set(n.id, v);
    this.nodeType[v] = this.typeOf(n.type);
    this.labels.push(n.label ?? undefined);
    this.more.push(undefined);
    this.rowStart[v] = 0;
    this.rowEnd[v] = 0;
    this.degrees[v] = 0;
    this.removed[v] = 0;
    return true;
  }

  #reserveNodes(n: number): void {
    this.nodeType = grow(this.nodeType, n);
    this.degrees = grow(this.degrees, n);
    this.removed = grow(this.removed, n);
    this.rowStart = grow(this.rowStart, n);
    this.rowEnd = grow(this.rowEnd, n);
  }

  #reserveEdges(m: number): void {
    this.edgeSource = grow(this.edgeSource, m);
    this.edgeTarget = grow(this.edgeTarget, m);
    this.edgeType = grow(this.edgeType, m);
    this.edgeWeight = grow(this.edgeWeight, m);
    this.edgeNext = grow(this.edgeNext, m);
    this.edgePair = grow(this.edgePair, m);
  }

  /** The slot of `w` in `v`'s row (a pair with no edges left included), or −1. */
  slotOf(v: number, w: number): number {
    const sn = this.slotNeighbour;
    for (let k = this.rowStart[v]!, end = this.rowEnd[v]!; k < end; k++) if (sn[k] === w) return k;
    const extra = this.more[v];
    if (extra) for (const k of extra) if (sn[k] === w) return k;
    return NONE;
  }

  #newSlot(v: number, w: number, p: number): void {
    const k = this.#slots++;
    this.slotNeighbour = grow(this.slotNeighbour, k + 1);
    this.slotPair = grow(this.slotPair, k + 1);
    this.slotNeighbour[k] = w;
    this.slotPair[k] = p;
    const extra = this.more[v];
    if (extra) extra.push(k);
    else this.more[v] = [k];
  }

  /**
   * Adds one edge row with buildGraph's rules: merged into an equal edge (same source, target and
   * type; weights add up), dropped when an endpoint is unknown, left out when a self-loop.
   */
  addEdge(e: GraphEdge): EdgeOutcome {
    const weight = checkWeight(e);
    const s = this.#index.get(e.source);
    const t = this.#index.get(e.target);
    if (s === undefined || t === undefined) {
      this.#attributes.droppedEdges++;
      return 'dropped';
    }
    if (s === t) {
      this.#attributes.selfLoops++;
      return 'self-loop';
    }
    const type = this.typeOf(e.type);
    const k = this.slotOf(s, t);
    let p: number;
    if (k === NONE) {
      p = this.#pairs++;
      this.pairHead = grow(this.pairHead, p + 1);
      this.pairHead[p] = NONE;
      this.#newSlot(s, t, p);
      this.#newSlot(t, s, p);
    } else {
      p = this.slotPair[k]!;
    }
    let last = NONE;
    for (let x = this.pairHead[p]!; x !== NONE; x = this.edgeNext[x]!) {
      if (this.edgeSource[x] === s && this.edgeType[x] === type) {
        this.edgeWeight[x]! += weight;
        this.#attributes.mergedEdges++;
        return 'merged';
      }
      last = x;
    }
    const x = this.#edges++;
    this.#reserveEdges(x + 1);
    this.edgeSource[x] = s;
    this.edgeTarget[x] = t;
    this.edgeType[x] = type;
    this.edgeWeight[x] = weight;
    this.edgeNext[x] = NONE;
    this.edgePair[x] = p;
    if (last === NONE) this.pairHead[p] = x;
    else this.edgeNext[last] = x;
    this.degrees[s]! += 1;
    this.degrees[t]! += 1;
    this.#liveEdges++;
    return 'added';
  }

  /**
   * Takes `weight` off the edge `source`–`target` of `type` (the whole edge when absent or when
   * nothing is left): what a row that `addEdge` merged in gave. False when there is no such edge.
   */
  removeEdge(e: GraphEdge): boolean {
    const s = this.#index.get(e.source);
    const t = this.#index.get(e.target);
    const type = this.#typeIndex.get(e.type);
    if (s === undefined || t === undefined || type === undefined) return false;
    const k = this.slotOf(s, t);
    if (k === NONE) return false;
    for (let x = this.pairHead[this.slotPair[k]!]!; x !== NONE; x = this.edgeNext[x]!) {
      if (this.edgeSource[x] !== s || this.edgeType[x] !== type) continue;
      const left = e.weight === undefined ? 0 : this.edgeWeight[x]! - e.weight;
      if (left > 1e-9) this.edgeWeight[x] = left;
      else this.#unlink(x);
      return true;
    }
    return false;
  }

  #unlink(x: number): void {
    const p = this.edgePair[x]!;
    if (this.pairHead[p] === x) this.pairHead[p] = this.edgeNext[x]!;
    else {
      let y = this.pairHead[p]!;
      while (this.edgeNext[y] !== x) y = this.edgeNext[y]!;
      this.edgeNext[y] = this.edgeNext[x]!;
    }
    this.edgePair[x] = NONE;
    this.degrees[this.edgeSource[x]!]! -= 1;
    this.degrees[this.edgeTarget[x]!]! -= 1;
    this.#liveEdges--;
  }

  /** Removes a node and its edges. False when unknown. */
  removeNode(id: string): boolean {
    const v = this.#index.get(id);
    if (v === undefined) return false;
    this.forEachSlot(v, (_w, p) => {
      for (let x = this.pairHead[p]!; x !== NONE; ) {
        const next = this.edgeNext[x]!;
        this.#unlink(x);
        x = next;
      }
    });
    this.#index.delete(id);
    this.removed[v] = 1;
    this.#removedNodes++;
    return true;
  }

  /** Calls `f(neighbour, pair)` for each neighbour of node index `v` with at least one edge, in row order. */
  forEachSlot(v: number, f: (w: number, pair: number) => void): void {
    const sn = this.slotNeighbour;
    const sp = this.slotPair;
    const head = this.pairHead;
    for (let k = this.rowStart[v]!, end = this.rowEnd[v]!; k < end; k++) {
      if (head[sp[k]!] !== NONE) f(sn[k]!, sp[k]!);
    }
    const extra = this.more[v];
    if (extra) for (const k of extra) if (head[sp[k]!] !== NONE) f(sn[k]!, sp[k]!);
  }

  /** Like forEachSlot, stopping at (and returning) the first neighbour for which `f` is true; −1 when none. */
  findSlot(v: number, f: (w: number, pair: number) => boolean): number {
    const sn = this.slotNeighbour;
    const sp = this.slotPair;
    const head = this.pairHead;
    for (let k = this.rowStart[v]!, end = this.rowEnd[v]!; k < end; k++) {
      if (head[sp[k]!] !== NONE && f(sn[k]!, sp[k]!)) return sn[k]!;
    }
    const extra = this.more[v];
    if (extra) for (const k of extra) if (head[sp[k]!] !== NONE && f(sn[k]!, sp[k]!)) return sn[k]!;
    return NONE;
  }

  /** Bulk build from rows, with the rules of `addNode` and `addEdge` (see buildGraph). */
  static fromRows(nodes: Iterable<GraphNode>, edges: Iterable<GraphEdge>): Graph {
    const g = new Graph();
    for (const n of nodes) g.addNode(n);
    const n = g.ids.length;
    const index = g.#index;
    const attrs = g.#attributes;
    // 1. Edges into arrays, bucketed later by their smaller endpoint.
    let m = 0;
    for (const e of edges) {
      const weight = checkWeight(e);
      const s = index.get(e.source);
      const t = index.get(e.target);
      if (s === undefined || t === undefined) {
        attrs.droppedEdges++;
        continue;
      }
      if (s === t) {
        attrs.selfLoops++;
        continue;
      }
      g.#reserveEdges(m + 1);
      g.edgeSource[m] = s;
      g.edgeTarget[m] = t;
      g.edgeType[m] = g.typeOf(e.type);
      g.edgeWeight[m] = weight;
      g.edgeNext[m] = NONE;
      m++;
    }
    // 2. Pairs: per smaller endpoint u, its edges in arrival order; merge equal edges.
    const bucketStart = new Int32Array(n + 1);
    for (let x = 0; x < m; x++) bucketStart[Math.min(g.edgeSource[x]!, g.edgeTarget[x]!) + 1]! += 1;
    for (let v = 0; v < n; v++) bucketStart[v + 1]! += bucketStart[v]!;
    const bucket = new Int32Array(m);
    const cursor = bucketStart.slice(0, n);
    for (let x = 0; x < m; x++) bucket[cursor[Math.min(g.edgeSource[x]!, g.edgeTarget[x]!)]!++] = x;
    const edgePair = new Int32Array(Math.max(m, 16)).fill(NONE);
    const pairHead = new Int32Array(Math.max(m, 16));
    const pairTail = new Int32Array(m);
    const pairOwner = new Int32Array(n).fill(NONE); // pairOwner[w] = u while u's bucket is read
    const pairAt = new Int32Array(n);
    let pairs = 0;
    const { edgeSource, edgeTarget, edgeType, edgeWeight, edgeNext } = g;
    for (let u = 0; u < n; u++) {
      for (let b = bucketStart[u]!, end = bucketStart[u + 1]!; b < end; b++) {
        const x = bucket[b]!;
        const w = edgeSource[x] === u ? edgeTarget[x]! : edgeSource[x]!;
        if (pairOwner[w] !== u) {
          pairOwner[w] = u;
          const p = pairs++;
          pairAt[w] = p;
          pairHead[p] = x;
          pairTail[p] = x;
          edgePair[x] = p;
          continue;
        }
        const p = pairAt[w]!;
        let merged = false;
        for (let y = pairHead[p]!; y !== NONE; y = edgeNext[y]!) {
          if (edgeSource[y] === edgeSource[x] && edgeType[y] === edgeType[x]) {
            edgeWeight[y]! += edgeWeight[x]!;
            merged = true;
            break;
          }
        }
        if (merged) {
          attrs.mergedEdges++;
          continue;
        }
        edgeNext[pairTail[p]!] = x;
        pairTail[p] = x;
        edgePair[x] = p;
      }
    }
    // 3. Rows: each node's pairs in the order of their first edge.
    const rowStart = g.rowStart;
    const rowEnd = g.rowEnd;
    const degrees = g.degrees;
    const count = new Int32Array(n + 1);
    for (let p = 0; p < pairs; p++) {
      const x = pairHead[p]!;
      count[edgeSource[x]! + 1]! += 1;
      count[edgeTarget[x]! + 1]! += 1;
    }
    for (let v = 0; v < n; v++) count[v + 1]! += count[v]!;
    for (let v = 0; v < n; v++) {
      rowStart[v] = count[v]!;
      rowEnd[v] = count[v]!;
    }
    const slots = count[n]!;
    const slotNeighbour = new Int32Array(Math.max(slots, 16));
    const slotPair = new Int32Array(Math.max(slots, 16));
    let live = 0;
    for (let x = 0; x < m; x++) {
      const p = edgePair[x]!;
      if (p === NONE) continue; // merged into an earlier edge
      live++;
      const s = edgeSource[x]!;
      const t = edgeTarget[x]!;
      degrees[s]! += 1;
      degrees[t]! += 1;
      if (pairHead[p] !== x) continue; // not the pair's first edge
      let k = rowEnd[s]!++;
      slotNeighbour[k] = t;
      slotPair[k] = p;
      k = rowEnd[t]!++;
      slotNeighbour[k] = s;
      slotPair[k] = p;
    }
    g.edgePair = edgePair;
    g.pairHead = pairHead;
    g.slotNeighbour = slotNeighbour;
    g.slotPair = slotPair;
    g.#pairs = pairs;
    g.#slots = slots;
    g.#edges = m;
    g.#liveEdges = live;
    return g;
  }

  // graphology-style reading.

  nodes(): string[] {
    return this.#removedNodes === 0 ? this.ids.slice() : this.ids.filter((_id, v) => this.#live(v));
  }

  #live(v: number): boolean {
    return this.removed[v] === 0;
  }

  forEachNode(f: (id: string, attributes: NodeAttributes) => void): void {
    for (let v = 0; v < this.ids.length; v++) if (this.#live(v)) f(this.ids[v]!, this.#nodeAttributes(v));
  }

  #need(id: string): number {
    const v = this.#index.get(id);
    if (v === undefined) throw new Error(`Graph: no node "${id}"`);
    return v;
  }

  #nodeAttributes(v: number): NodeAttributes {
    const label = this.labels[v];
    const type = this.typeNames[this.nodeType[v]!]!;
    return label === undefined ? { type } : { type, label };
  }

  getNodeAttributes(id: string): NodeAttributes {
    return this.#nodeAttributes(this.#need(id));
  }

  getNodeAttribute<K extends keyof NodeAttributes>(id: string, name: K): NodeAttributes[K] {
    return this.getNodeAttributes(id)[name];
  }

  getAttributes(): GraphAttributes {
    return { ...this.#attributes };
  }

  getAttribute<K extends keyof GraphAttributes>(name: K): GraphAttributes[K] {
    return this.#attributes[name];
  }

  degree(id: string): number {
    return this.degrees[this.#need(id)]!;
  }

  forEachNeighbor(id: string, f: (neighbour: string) => void): void {
    this.forEachSlot(this.#need(id), (w) => f(this.ids[w]!));
  }

  #edgeLive(x: number): boolean {
    return x >= 0 && x < this.#edges && this.edgePair[x] !== NONE;
  }

  #needEdge(x: EdgeKey): number {
    if (!this.#edgeLive(x)) throw new Error(`Graph: no edge ${x}`);
    return x;
  }

  source(key: EdgeKey): string {
    return this.ids[this.edgeSource[this.#needEdge(key)]!]!;
  }

  target(key: EdgeKey): string {
    return this.ids[this.edgeTarget[this.#needEdge(key)]!]!;
  }

  getEdgeAttributes(key: EdgeKey): EdgeAttributes {
    const x = this.#needEdge(key);
    return { type: this.typeNames[this.edgeType[x]!]!, weight: this.edgeWeight[x]! };
  }

  getEdgeAttribute<K extends keyof EdgeAttributes>(key: EdgeKey, name: K): EdgeAttributes[K] {
    return this.getEdgeAttributes(key)[name];
  }

  /** The edges between two nodes (arrival order), or all edges. */
  edges(a?: string, b?: string): EdgeKey[] {
    const out: EdgeKey[] = [];
    if (a === undefined) {
      for (let x = 0; x < this.#edges; x++) if (this.edgePair[x] !== NONE) out.push(x);
      return out;
    }
    const v = this.#index.get(a);
    const w = b === undefined ? undefined : this.#index.get(b);
    if (v === undefined || (b !== undefined && w === undefined)) return out;
    if (w === undefined) {
      this.forEachSlot(v, (_w, p) => {
        for (let x = this.pairHead[p]!; x !== NONE; x = this.edgeNext[x]!) out.push(x);
      });
      return out;
    }
    const k = this.slotOf(v, w);
    if (k !== NONE) for (let x = this.pairHead[this.slotPair[k]!]!; x !== NONE; x = this.edgeNext[x]!) out.push(x);
    return out;
  }

  hasEdge(a: string, b: string): boolean {
    return this.edges(a, b).length > 0;
  }

  /** Calls `f(key, attributes, source, target)` for every edge. */
  forEachEdge(f: (key: EdgeKey, attributes: EdgeAttributes, source: string, target: string) => void): void {
    for (const x of this.edges()) f(x, this.getEdgeAttributes(x), this.source(x), this.target(x));
  }

  mapEdges<T>(f: (key: EdgeKey, attributes: EdgeAttributes, source: string, target: string) => T): T[] {
    return this.edges().map((x) => f(x, this.getEdgeAttributes(x), this.source(x), this.target(x)));
  }

  filterEdges(f: (key: EdgeKey, attributes: EdgeAttributes, source: string, target: string) => boolean): EdgeKey[] {
    return this.edges().filter((x) => f(x, this.getEdgeAttributes(x), this.source(x), this.target(x)));
  }

  /** The edge as the API gives it back, with the direction it was reported in. */
  edgeAt(x: number): GraphEdge {
    return {
      source: this.ids[this.edgeSource[x]!]!,
      target: this.ids[this.edgeTarget[x]!]!,
      type: this.typeNames[this.edgeType[x]!]!,
      weight: this.edgeWeight[x]!,
    };
  }

  /** The node as the API gives it back. */
  nodeAt(v: number): GraphNode {
    const id = this.ids[v]!;
    const label = this.labels[v];
    const type = this.typeNames[this.nodeType[v]!]!;
    return label === undefined ? { id, type } : { id, type, label };
  }
}

export function buildGraph(nodes: Iterable<GraphNode>, edges: Iterable<GraphEdge>): Graph {
  return Graph.fromRows(nodes, edges);
}

/** Code-unit order, the same as `Array.prototype.sort()` without a comparator. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareEdges(a: GraphEdge, b: GraphEdge): number {
  return compareIds(a.source, b.source) || compareIds(a.target, b.target) || compareIds(a.type, b.type);
}
