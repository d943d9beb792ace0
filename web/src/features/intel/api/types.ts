import type { Entity, HitReason, SELECTOR_KINDS } from '@cordon/contracts';

/** Answers of intelligence routes that have no contract type (shapes checked against the server). */

export type SelectorKind = (typeof SELECTOR_KINDS)[number];

export interface SearchResult {
  /** The query read as selectors (every kind it is valid as). */
  selectors: { kind: SelectorKind; key: string; display: string }[];
  /** Entities the viewer may read. */
  entities: (Entity & { score: number; why: string; whyCode?: HitReason })[];
  /** Records the viewer may not read: only that they exist and who holds them (hit / no-hit). */
  holders: { key: string; agencyId: string; agencyName: string; country: string; grade: string }[];
  moTags: { code: string; label: string }[];
}

export type DisclosureStatus = 'pending' | 'approved' | 'declined';

export interface Disclosure {
  id: string;
  hitId: string;
  reportId: string;
  requesterAgencyId: string;
  holderAgencyId: string;
  reason: string;
  status: DisclosureStatus;
  decisionNote: string | null;
  createdAt: string;
  decidedAt: string | null;
}

export type GraphNodeType = 'person' | 'organisation' | 'scam-centre' | 'selector' | 'report';

export interface GraphNode {
  /** An entity id, a selector key (`phone:+66…`) or `report:<id>`. */
  id: string;
  type: GraphNodeType;
  label: string;
}

export interface GraphEdge {
  source: string;
  target: string;
  type: string;
  weight: number;
}

export interface Neighbourhood {
  nodes: GraphNode[];
  edges: GraphEdge[];
  truncated: boolean;
}

export interface Network {
  id: string;
  size: number;
  countsByType: Partial<Record<GraphNodeType, number>>;
  keyPlayers: { id: string; label: string; type: GraphNodeType; degree: number; pagerank: number }[];
  communities: number;
}

export type CentreStatus = 'active' | 'raided' | 'relocated' | 'closed';

export interface MapCentre {
  id: string;
  label: string;
  country: string;
  lat: number;
  lon: number;
  status: CentreStatus;
  moTags: string[];
  reportId: string;
  ownerAgencyId: string;
  createdAt: string;
}
