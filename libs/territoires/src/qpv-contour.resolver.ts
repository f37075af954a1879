import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';

import { Allow, Permission } from '@pilotis/access';
import { invalidField, uuid } from '@pilotis/shared';

import { ImportQpvContoursInput, MapSettings, QpvContourImportReport } from './qpv.inputs';
import { QpvContour } from './qpv-contour.entity';
import { QpvContourService } from './qpv-contour.service';

const MAX_QPV_IDS = 500;

/** Pipe for the optional list of QPV ids: each a UUID, 500 at most. */
const qpvIdsPipe = {
  transform(value: unknown): string[] | null {
    if (value === undefined || value === null) return null;
    if (!Array.isArray(value) || value.length > MAX_QPV_IDS) {
      throw invalidField('qpvIds', 'arrayMaxSize', `liste de ${MAX_QPV_IDS} identifiants au plus attendue`);
    }
    return value.map((v: unknown, i) => uuid(`qpvIds.${i}`).transform(v));
  },
};

@Resolver(() => QpvContour)
export class QpvContourResolver {
  constructor(private readonly contours: QpvContourService) {}

  @Allow(Permission.READ)
  @Query(() => [QpvContour], {
    name: 'qpvContours',
    description: 'Les contours des quartiers prioritaires du territoire (ceux qui en ont un), par code.',
  })
  list(
    @Args(
      'qpvIds',
      {
        type: () => [ID],
        nullable: true,
        description: 'Ne garder que ces quartiers (500 au plus) ; tous si absent.',
      },
      qpvIdsPipe,
    )
    qpvIds: string[] | null,
  ): Promise<QpvContour[]> {
    return this.contours.list(qpvIds);
  }

  @Allow(Permission.READ)
  @Query(() => MapSettings, { name: 'mapSettings', description: 'Réglages de la carte des quartiers (fond de carte facultatif).' })
  mapSettings(): MapSettings {
    return this.contours.mapSettings();
  }

  @Allow(Permission.MANAGE_CONTRAT)
  @Mutation(() => QpvContourImportReport, {
    description:
      'Importe les contours officiels des QPV (GeoJSON, géographie 2024 ou 2015) : ajoute ou remplace, par code, le contour des ' +
      "quartiers du territoire. Tout ou rien : si un élément est fautif, rien n'est enregistré et le compte rendu le signale.",
  })
  importQpvContours(
    @Args('input', { description: 'Le fichier et le mode (essai ou import).' }) input: ImportQpvContoursInput,
  ): Promise<QpvContourImportReport> {
    return this.contours.import(input);
  }
}
