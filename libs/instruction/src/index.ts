// The public surface of @pilotis/instruction: only what other projects import. Everything else in src/ is internal.

// Nest modules, imported by the apps and by the contexts that build on this one.
export { InstructionModule } from './instruction.module';

// Entities: registered by the composition root (libs/schema), joined on by other contexts.
export { Avis } from './avis.entity';
