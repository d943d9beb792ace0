import type { CentreStatus, GraphNodeType } from '../api/types.ts';

/**
 * Colours of graph node types and scam-centre statuses: mid shades with at least 3:1 contrast
 * against both the light and the dark background (WCAG non-text contrast).
 */
export const NODE_COLOURS: Record<GraphNodeType, string> = {
  person: '#1c7ed6',
  organisation: '#7048e8',
  'scam-centre': '#e03131',
  selector: '#2f9e44',
  report: '#e8590c',
};

export const NODE_TYPES = Object.keys(NODE_COLOURS) as GraphNodeType[];

export const STATUS_COLOURS: Record<CentreStatus, string> = {
  active: '#e03131',
  raided: '#e8590c',
  relocated: '#7048e8',
  closed: '#868e96',
};

export const CENTRE_STATUS_LIST = Object.keys(STATUS_COLOURS) as CentreStatus[];
