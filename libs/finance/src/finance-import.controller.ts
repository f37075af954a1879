import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';

import { Allow, Permission } from '@pilotis/access';
import { Db } from '@pilotis/db';
import { invalidField } from '@pilotis/shared';

import { ImportKind } from './finance-csv';
import { FinanceImportService, ImportResult } from './finance-import.service';

/**
 * `POST /finance/imports/commitments` and `/finance/imports/payments`, the file as the body
 * (`Content-Type: text/csv`), with an API key (or a member's token and `X-Tenant`). 201 with the count
 * and total when every row is recorded; 400 `BAD_USER_INPUT` with `rows` (line, code, field, message)
 * when any is faulty, and then nothing is recorded.
 */
@Controller('finance/imports')
export class FinanceImportController {
  constructor(
    private readonly db: Db,
    private readonly imports: FinanceImportService,
  ) {}

  @Allow(Permission.RECORD_FINANCE)
  @Post(':kind')
  @HttpCode(201)
  async import(@Param('kind') kind: string, @Body() body: unknown): Promise<ImportResult> {
    if (kind !== 'commitments' && kind !== 'payments')
      throw invalidField('kind', 'unknown', "« commitments » ou « payments » attendu dans l'adresse");
    if (typeof body !== 'string')
      throw invalidField('body', 'not_csv', 'le fichier est attendu en corps de requête, Content-Type: text/csv');
    try {
      const result = await this.imports.import(kind as ImportKind, body);
      await this.db.finish(true);
      return result;
    } catch (error) {
      await this.db.finish(false);
      throw error;
    }
  }
}
