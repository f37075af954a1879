export * from './contrat.entity';
export * from './pillar.entity';
export * from './objective.entity';
export * from './contrat-links.entity';
export * from './contrats.module';
