import { Module } from '@nestjs/common';

import { ActionsModule } from '@pilotis/actions';

import { AvisHistory } from './avis.history';
import { ActionAvisResolver, AvisResolver } from './avis.resolver';
import { AvisService } from './avis.service';

/** Instruction of dossiers: the avis of the EPCI's staff and of the funders. */
@Module({ imports: [ActionsModule], providers: [AvisService, AvisResolver, ActionAvisResolver, AvisHistory], exports: [AvisService] })
export class InstructionModule {}
