import type { Entity, EntityPlace, TimelineEvent } from '@cordon/contracts';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../../app/api.ts';
import { intelKeys, queryString } from './keys.ts';
import type { MapCentre, Neighbourhood, Network, SearchResult } from './types.ts';

export const entityQuery = (id: string) =>
  queryOptions({
    queryKey: intelKeys.entity(id),
    queryFn: () => api<{ entity: Entity; sameKey: Entity[] }>('GET', `/api/intel/entities/${id}`),
  });

export const timelineQuery = (id: string) =>
  queryOptions({
    queryKey: intelKeys.timeline(id),
    queryFn: () => api<TimelineEvent[]>('GET', `/api/intel/entities/${id}/timeline`),
  });

export const placesQuery = (id: string) =>
  queryOptions({
    queryKey: intelKeys.places(id),
    queryFn: () => api<EntityPlace[]>('GET', `/api/intel/entities/${id}/places`),
  });

export const neighbourhoodQuery = (node: string, hops: number) =>
  queryOptions({
    queryKey: intelKeys.neighbourhood(node, hops),
    queryFn: () =>
      api<Neighbourhood>('GET', `/api/intel/graph/neighbourhood${queryString({ node, hops, limit: 300 })}`),
    placeholderData: keepPreviousData,
  });

export const networksQuery = queryOptions({
  queryKey: intelKeys.networks,
  queryFn: () => api<Network[]>('GET', '/api/intel/graph/networks?top=50'),
});

export interface MapFilters {
  moTag?: string;
  from?: string;
  to?: string;
}

export const mapQuery = (f: MapFilters) =>
  queryOptions({
    queryKey: intelKeys.map(f),
    queryFn: () => api<MapCentre[]>('GET', `/api/intel/map${queryString({ ...f })}`),
    placeholderData: keepPreviousData,
  });

export const searchQuery = (q: string) =>
  queryOptions({
    queryKey: intelKeys.search(q),
    queryFn: () => api<SearchResult>('GET', `/api/intel/search${queryString({ q })}`),
    enabled: q.trim().length >= 2,
  });
