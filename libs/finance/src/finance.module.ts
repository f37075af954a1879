import { Module } from '@nestjs/common';
import { FinanceResolver } from './finance.resolver';
import { FinanceService } from './finance.service';

/** Commitments, payments, external identifiers and finance imports (issue 6). */
@Module({ providers: [FinanceService, FinanceResolver], exports: [FinanceService] })
export class FinanceModule {}
