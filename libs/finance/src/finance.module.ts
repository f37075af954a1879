import { Module } from '@nestjs/common';

import { FinanceResolver } from './finance.resolver';
import { FinanceService } from './finance.service';
import { FinanceImportController } from './finance-import.controller';
import { FinanceImportService } from './finance-import.service';
import { FundingLedger } from './funding-ledger.service';

/** Commitments, payments, external identifiers and finance imports (issue 6). */
@Module({
  controllers: [FinanceImportController],
  providers: [FundingLedger, FinanceService, FinanceImportService, FinanceResolver],
  exports: [FundingLedger, FinanceService, FinanceImportService],
})
export class FinanceModule {}
