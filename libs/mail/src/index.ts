// The public surface of @pilotis/mail: only what other projects import. Everything else in src/ is internal.

// Nest modules, imported by the apps and by the contexts that build on this one.
export { MailModule } from './mail.module';

// Used by other libraries.
export { MailDeliveryError, Mailer } from './mailer';
