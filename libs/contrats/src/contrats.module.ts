import { Module } from '@nestjs/common';

import { ContratResolver } from './contrat.resolver';
import { ContratService } from './contrat.service';
import { PillarResolver } from './pillar.resolver';
import { PillarService } from './pillar.service';

@Module({ providers: [ContratService, PillarService, ContratResolver, PillarResolver], exports: [ContratService, PillarService] })
export class ContratsModule {}
