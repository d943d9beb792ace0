import type { FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json';

/** Country outlines from Natural Earth 1:110m (world-atlas), bundled: no map server, nothing fetched. */
const topology = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;

export const COUNTRIES: FeatureCollection<Geometry, { name: string }> = feature(topology, topology.objects.countries);
