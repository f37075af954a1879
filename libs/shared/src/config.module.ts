import { DynamicModule, Global, Inject, Module } from '@nestjs/common';

import { Clock } from './clock';
import { PilotisConfig } from './config';

export const PILOTIS_CONFIG = Symbol('PILOTIS_CONFIG');
/** Injects the configuration: `constructor(@InjectConfig() config: PilotisConfig)`. */
export const InjectConfig = (): ParameterDecorator => Inject(PILOTIS_CONFIG);

@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: PilotisConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: PILOTIS_CONFIG, useValue: config },
        { provide: Clock, useValue: new Clock(config.fixedNow) },
      ],
      exports: [PILOTIS_CONFIG, Clock],
    };
  }
}
