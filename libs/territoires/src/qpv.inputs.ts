import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

import { MultiLine, PageArgs } from '@pilotis/shared';

import { QpvGeneration } from './qpv.entity';
import { QPV_MAX_COMMUNES, QPV_NAME_MAX_LENGTH } from './qpv-import';

@ArgsType()
export class QpvsArgs extends PageArgs {
  @Field(() => QpvGeneration, { nullable: true, description: 'Ne garder que les quartiers de cette génération.' })
  @IsOptional()
  @IsEnum(QpvGeneration)
  generation?: QpvGeneration;

  @Field({ nullable: true, description: 'Texte cherché dans le code ou le nom du quartier (sans distinction de casse).' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;
}

/*
 * The rules below bound sizes and types on the raw values; the service normalises (trim, upper case) and
 * checks what needs the territory (qpv-import.ts, checkNewQpv / checkQpvChanges).
 */

@InputType({ description: "Création d'un quartier prioritaire." })
export class CreateQpvInput {
  @Field({ description: 'Code officiel : QP + département + 3 chiffres (2015) ou QN + département + 2 chiffres + une lettre (2024).' })
  @IsString()
  @MaxLength(20)
  code: string;

  @Field({ description: `Nom du quartier (1 à ${QPV_NAME_MAX_LENGTH} caractères).` })
  @IsString()
  @MaxLength(QPV_NAME_MAX_LENGTH)
  name: string;

  @Field(() => [String], {
    description: `Codes INSEE des communes du quartier (1 à ${QPV_MAX_COMMUNES}), toutes membres de l'intercommunalité.`,
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(QPV_MAX_COMMUNES)
  @IsString({ each: true })
  @MaxLength(10, { each: true })
  communes: string[];

  @Field({ nullable: true, defaultValue: false, description: 'Quartier « en veille » (anciennement prioritaire, encore suivi).' })
  @IsOptional()
  @IsBoolean()
  enVeille?: boolean;
}

@InputType({ description: "Modification d'un quartier prioritaire ; le code ne change pas. Un champ absent reste inchangé." })
export class UpdateQpvInput {
  @Field(() => ID, { description: 'Identifiant du quartier.' })
  @IsUUID()
  id: string;

  @Field(() => String, { nullable: true, description: `Nouveau nom (1 à ${QPV_NAME_MAX_LENGTH} caractères).` })
  @IsOptional()
  @IsString()
  @MaxLength(QPV_NAME_MAX_LENGTH)
  name?: string | null;

  @Field(() => [String], { nullable: true, description: `Nouvelle liste des codes INSEE des communes (1 à ${QPV_MAX_COMMUNES}).` })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(QPV_MAX_COMMUNES)
  @IsString({ each: true })
  @MaxLength(10, { each: true })
  communes?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Quartier « en veille » ou non.' })
  @IsOptional()
  @IsBoolean()
  enVeille?: boolean | null;
}

@InputType({ description: 'Import de la liste officielle des QPV (fichier CSV).' })
export class ImportQpvsInput {
  @Field({
    description:
      "Contenu du fichier CSV (5 Mo et 20 000 lignes au plus), séparateur « ; » ou « , », avec une ligne d'en-tête : " +
      'code (code_qp, code_qpv, code…), nom (lib_qp, nom_qp, nom, libelle…), communes (insee_com, code_insee, communes…). ' +
      'Les lignes des quartiers hors du territoire sont ignorées ; plusieurs lignes du même code sont réunies.',
  })
  @IsString()
  @MultiLine()
  csv: string;

  @Field({ nullable: true, defaultValue: false, description: 'Vrai pour seulement vérifier le fichier et compter, sans rien enregistrer.' })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;
}

@ObjectType({ description: "Ligne fautive d'un import de QPV." })
export class QpvImportRowError {
  @Field(() => Int, { description: "Numéro de la ligne dans le fichier (l'en-tête est la ligne 1)." })
  line: number;

  @Field(() => String, { nullable: true, description: 'Code du quartier lu sur la ligne, le cas échéant.' })
  code: string | null;

  @Field({
    description:
      'Raison stable : missing_code, invalid_qpv_code, missing_name, name_too_long, missing_communes, invalid_commune, ' +
      'too_many_communes, outside_territory, departement_mismatch, conflicting_names.',
  })
  reason: string;

  @Field({ description: 'Explication en français.' })
  message: string;
}

@ObjectType({
  description:
    "Compte rendu d'un import de QPV. Tout ou rien : une seule ligne fautive et rien n'est enregistré. " +
    'Les nombres disent ce que l’import fait, ou ferait quand `applied` est faux.',
})
export class QpvImportReport {
  @Field(() => Int, { description: 'Quartiers créés (ou qui le seraient).' })
  created: number;

  @Field(() => Int, {
    description: 'Quartiers existants mis à jour : nom, communes ou génération différents du fichier (ou qui le seraient).',
  })
  updated: number;

  @Field(() => Int, { description: 'Quartiers déjà identiques au fichier.' })
  unchanged: number;

  @Field(() => Int, { description: 'Lignes ignorées car toutes leurs communes sont hors du territoire.' })
  skipped: number;

  @Field(() => [QpvImportRowError], { description: 'Lignes fautives, par numéro de ligne ; vide si le fichier est correct.' })
  errors: QpvImportRowError[];

  @Field({ description: "Vrai si l'import a été enregistré ; faux pour un essai (dryRun) ou un fichier avec des lignes fautives." })
  applied: boolean;
}

@InputType({ description: 'Import des contours officiels des QPV (fichier GeoJSON).' })
export class ImportQpvContoursInput {
  @Field({
    description:
      'Contenu du fichier GeoJSON (FeatureCollection en WGS84, 8 Mo et 2 000 quartiers au plus), tel que publié pour la géographie ' +
      'prioritaire de 2024 (propriétés code_qp, lib_qp) ou de 2015 (CODE_QP, NOM_QP). Polygon ou MultiPolygon, anneaux fermés, ' +
      '20 000 sommets au plus par quartier. Les quartiers des autres territoires sont ignorés.',
  })
  @IsString()
  @MultiLine()
  geojson: string;

  @Field({ nullable: true, defaultValue: false, description: 'Vrai pour seulement vérifier le fichier et compter, sans rien enregistrer.' })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;
}

@ObjectType({ description: "Élément fautif d'un import de contours." })
export class QpvContourImportError {
  @Field(() => Int, { description: 'Rang de l’élément (Feature) dans le fichier, 1 pour le premier.' })
  feature: number;

  @Field(() => String, { nullable: true, description: 'Code du quartier lu sur l’élément, le cas échéant.' })
  code: string | null;

  @Field({
    description:
      'Raison stable : not_a_feature, missing_code, invalid_qpv_code, duplicate_code, missing_geometry, unsupported_geometry, ' +
      'invalid_coordinates, out_of_bounds, ring_not_closed, ring_too_short, too_many_vertices, too_many_polygons, too_many_rings.',
  })
  reason: string;

  @Field({ description: 'Explication en français.' })
  message: string;
}

@ObjectType({
  description:
    "Compte rendu d'un import de contours. Tout ou rien : un seul élément fautif et rien n'est enregistré. " +
    'Les nombres disent ce que l’import fait, ou ferait quand `applied` est faux.',
})
export class QpvContourImportReport {
  @Field(() => Int, { description: 'Contours ajoutés à des quartiers qui n’en avaient pas.' })
  created: number;

  @Field(() => Int, { description: 'Contours remplacés.' })
  updated: number;

  @Field(() => Int, { description: 'Éléments ignorés : quartiers d’autres territoires.' })
  skipped: number;

  @Field(() => [String], { description: 'Codes des quartiers du territoire qui restent sans contour après cet import.' })
  withoutContour: string[];

  @Field(() => [QpvContourImportError], { description: 'Éléments fautifs, dans l’ordre du fichier ; vide si le fichier est correct.' })
  errors: QpvContourImportError[];

  @Field({ description: "Vrai si l'import a été enregistré ; faux pour un essai (dryRun) ou un fichier avec des éléments fautifs." })
  applied: boolean;
}

@ObjectType({ description: 'Réglages de la carte des quartiers, propres à cette installation.' })
export class MapSettings {
  @Field(() => String, {
    nullable: true,
    description: 'Adresse des tuiles du fond de carte ({z}, {x}, {y}) ; vide : la carte dessine les contours sans fond (MAP_TILE_URL).',
  })
  tileUrl: string | null;

  @Field(() => String, { nullable: true, description: 'Mention exigée par le fournisseur des tuiles (MAP_TILE_ATTRIBUTION).' })
  tileAttribution: string | null;
}
