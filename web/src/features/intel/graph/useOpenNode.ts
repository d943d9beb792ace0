import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useCallback } from 'react';
import { searchQuery } from '../api/linksApi.ts';
import type { GraphNode } from '../api/types.ts';
import { nodeTarget } from '../shared/nodeTarget.ts';

/**
 * Opens a graph node: a report or an entity directly; a selector (keyed, not an entity) through the
 * search, preferring the viewer's own entity with that key, else the search page for it.
 */
export function useOpenNode(nodes: GraphNode[], myAgencyId: string) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return useCallback(
    async (id: string) => {
      const node = nodes.find((n) => n.id === id);
      const target = nodeTarget(id, node?.type);
      if (target.kind === 'report')
        return navigate({ to: '/intel/reports/$reportId', params: { reportId: target.reportId } });
      if (target.kind === 'entity')
        return navigate({ to: '/intel/entities/$entityId', params: { entityId: target.entityId } });
      const q = node?.label ?? target.key;
      try {
        const result = await queryClient.fetchQuery(searchQuery(q));
        const same = result.entities.filter((e) => e.key === target.key);
        const pick = same.find((e) => e.ownerAgencyId === myAgencyId) ?? same[0];
        if (pick) return navigate({ to: '/intel/entities/$entityId', params: { entityId: pick.id } });
      } catch {
        // fall through to the search page, which shows the error
      }
      return navigate({ to: '/intel/search', search: { q } });
    },
    [nodes, myAgencyId, navigate, queryClient],
  );
}
