import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, ManyToOne, PrimaryColumn } from 'typeorm';

import { TenantJoin } from '@pilotis/db';

import { Qpv } from './qpv.entity';

/**
 * A quartier's outline as a GeoJSON MultiPolygon's coordinates (WGS84, longitude then latitude): a list of
 * polygons, each a list of closed rings (the outer one first, then its holes), each a list of
 * [longitude, latitude] positions. A Polygon is stored as a MultiPolygon of one. Kept as jsonb: the map is
 * drawn by the browser and nothing is computed on the shapes in the database, so PostGIS is not needed.
 */
export type MultiPolygonCoordinates = number[][][][];

/** The official outline of one QPV of the tenant (one per QPV, replaced by each import). */
@ObjectType({ description: "Contour d'un quartier prioritaire (WGS84), importé du fichier GeoJSON officiel." })
@Entity('qpv_contours')
@Check('qpv_contours_geometry_check', `jsonb_typeof("coordinates") = 'array' and jsonb_array_length("coordinates") >= 1`)
@Check(
  'qpv_contours_bbox_check',
  `"min_lon" <= "max_lon" and "min_lat" <= "max_lat" and "min_lon" >= -180 and "max_lon" <= 180 and "min_lat" >= -90 and "max_lat" <= 90`,
)
@Check('qpv_contours_vertex_count_check', `"vertex_count" >= 4`)
export class QpvContour {
  @PrimaryColumn('uuid')
  tenantId: string;

  @Field(() => ID, { description: 'Quartier.' })
  @PrimaryColumn('uuid')
  qpvId: string;

  @ManyToOne(() => Qpv, { onDelete: 'CASCADE' })
  @TenantJoin('qpv_contours_qpv_fk', ['qpv_id', 'id'])
  qpv?: Qpv;

  @Field({ description: 'Code officiel du quartier.' })
  @Column('text')
  code: string;

  /** Not stored here: the QPV's own name, read with the outline (`qpvContours`). */
  @Field({ description: 'Nom du quartier.' })
  name?: string;

  @Field(() => [[[[Float]]]], {
    description:
      'Coordonnées d’un MultiPolygon GeoJSON : des polygones, chacun une liste d’anneaux fermés (l’extérieur puis les trous), ' +
      'chacun une liste de positions [longitude, latitude] en degrés (WGS84).',
  })
  @Column('jsonb')
  coordinates: MultiPolygonCoordinates;

  @Field(() => Float, { description: 'Longitude minimale (ouest) du rectangle englobant.' })
  @Column('double precision')
  minLon: number;

  @Field(() => Float, { description: 'Latitude minimale (sud) du rectangle englobant.' })
  @Column('double precision')
  minLat: number;

  @Field(() => Float, { description: 'Longitude maximale (est) du rectangle englobant.' })
  @Column('double precision')
  maxLon: number;

  @Field(() => Float, { description: 'Latitude maximale (nord) du rectangle englobant.' })
  @Column('double precision')
  maxLat: number;

  @Field(() => Int, { description: 'Nombre de sommets du contour.' })
  @Column('integer')
  vertexCount: number;

  @Field({ description: "Date de l'import qui a enregistré ce contour." })
  @Column('timestamptz', { default: () => 'now()' })
  importedAt: Date;
}
