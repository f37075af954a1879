import { Module } from '@nestjs/common';

import { ActionsModule } from '@pilotis/actions';
import { DeadlinesModule } from '@pilotis/deadlines';

import { BilanResolver } from './bilan.resolver';
import { BilanService } from './bilan.service';

/** Bilans filed online: the porteur's budget realised, indicator values and text; the chef de projet's review. */
@Module({ imports: [ActionsModule, DeadlinesModule], providers: [BilanService, BilanResolver] })
export class BilansModule {}
