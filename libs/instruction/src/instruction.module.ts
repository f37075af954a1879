import { Module } from '@nestjs/common';

import { ActionAvisResolver, AvisResolver } from './avis.resolver';
import { AvisService } from './avis.service';

/** Instruction of dossiers: the avis of the EPCI's staff and of the funders. */
@Module({ providers: [AvisService, AvisResolver, ActionAvisResolver], exports: [AvisService] })
export class InstructionModule {}
