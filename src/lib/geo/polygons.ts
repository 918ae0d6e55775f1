/** The polygons of a shape, each as its list of rings (outer first, then holes). */
import type { Geometry, Position } from 'geojson';

export function polygons(g: Geometry): Position[][][] {
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  if (g.type === 'GeometryCollection') return g.geometries.flatMap(polygons);
  return [];
}
