import { Module } from '@nestjs/common';

/** Bilans filed online: the porteur's budget realised, indicator values and text; the chef de projet's review. */
@Module({})
export class BilansModule {}
