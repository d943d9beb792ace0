import type { Agency } from '@cordon/contracts';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { agenciesQuery } from '../../admin/agencies/agenciesApi.ts';

/** The member directory by id, for showing names where the API gives only agency ids. */
export function useAgencyNames() {
  const { data } = useQuery(agenciesQuery);
  const byId = useMemo(() => new Map((data ?? []).map((a) => [a.id, a])), [data]);
  const name = useCallback((id: string) => byId.get(id)?.name ?? id.slice(0, 8), [byId]);
  return { agencies: data ?? [], get: (id: string): Agency | undefined => byId.get(id), name };
}
