import { DynamicModule, Global, Inject, Module } from '@nestjs/common';
import { PilotisConfig } from './config';

export const PILOTIS_CONFIG = Symbol('PILOTIS_CONFIG');
/** Injects the configuration: `constructor(@InjectConfig() config: PilotisConfig)`. */
export const InjectConfig = (): ParameterDecorator => Inject(PILOTIS_CONFIG);

@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: PilotisConfig): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: PILOTIS_CONFIG, useValue: config }], exports: [PILOTIS_CONFIG] };
  }
}
