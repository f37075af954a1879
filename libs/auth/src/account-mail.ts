import { Injectable } from '@nestjs/common';

import { Mailer } from '@pilotis/mail';
import { InjectConfig, PilotisConfig } from '@pilotis/shared';

const when = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export interface InvitationMail {
  to: string;
  tenantName: string;
  inviterName: string;
  roleLabel: string;
  /** The one-time token, or null when the account already has a password: the person then signs in. */
  token: string | null;
  expiresAt: Date;
}

/**
 * The e-mails that carry account tokens. They go to the address the token belongs to and nowhere else;
 * the token travels in the link's fragment (`#jeton=`), which browsers never send to a server nor put in a
 * Referer, so that it does not end up in access logs or in a third party's hands.
 */
@Injectable()
export class AccountMail {
  constructor(
    private readonly mailer: Mailer,
    @InjectConfig() private readonly config: PilotisConfig,
  ) {}

  async invitation(mail: InvitationMail): Promise<void> {
    const link = mail.token ? `${this.config.appUrl}/invitation#jeton=${mail.token}` : `${this.config.appUrl}/`;
    const action = mail.token
      ? 'Pour accepter, ouvrez ce lien et choisissez votre mot de passe :'
      : 'Vous avez déjà un compte Pilotis : connectez-vous, puis acceptez ou refusez l’invitation depuis « Invitations en attente » :';
    const lines = [
      'Bonjour,',
      '',
      `${mail.inviterName} vous invite à rejoindre le territoire « ${mail.tenantName} » sur Pilotis, avec le rôle : ${mail.roleLabel}.`,
      '',
      action,
      link,
      '',
      `Cette invitation est valable jusqu’au ${when.format(mail.expiresAt)}. Vous n’en attendiez pas ? Ignorez ce message : rien ne se fera sans votre accord.`,
    ];
    await this.mailer.send({
      to: mail.to,
      subject: `Invitation à rejoindre ${mail.tenantName} sur Pilotis`,
      text: lines.join('\n'),
      html: htmlOf(lines, link),
    });
  }

  /**
   * The link that confirms a porteur's sign-up. The same link whether or not the address has an account;
   * the text tells an account holder that their current password will be asked (nothing is reset).
   */
  async porteurSignup(mail: {
    to: string;
    tenantName: string;
    organisationName: string;
    token: string;
    expiresAt: Date;
    accountExists: boolean;
  }): Promise<void> {
    const link = `${this.config.appUrl}/inscription/confirmer#jeton=${mail.token}`;
    const lines = [
      'Bonjour,',
      '',
      `Une inscription de « ${mail.organisationName} » comme porteur de projets du territoire « ${mail.tenantName} » a été demandée sur Pilotis avec cette adresse.`,
      '',
      mail.accountExists
        ? 'Vous avez déjà un compte Pilotis : pour confirmer, ouvrez ce lien et saisissez votre mot de passe actuel.'
        : 'Pour confirmer et choisir votre mot de passe, ouvrez ce lien :',
      link,
      '',
      `Ce lien est valable jusqu’au ${when.format(mail.expiresAt)} et ne sert qu’une fois. Vous n’avez rien demandé ? Ignorez ce message : rien ne sera créé.`,
    ];
    await this.mailer.send({
      to: mail.to,
      subject: `Confirmez votre inscription sur Pilotis (${mail.tenantName})`,
      text: lines.join('\n'),
      html: htmlOf(lines, link),
    });
  }

  async passwordReset(to: string, token: string, expiresAt: Date): Promise<void> {
    const link = `${this.config.appUrl}/nouveau-mot-de-passe#jeton=${token}`;
    const lines = [
      'Bonjour,',
      '',
      'Une réinitialisation du mot de passe de votre compte Pilotis a été demandée. Pour choisir un nouveau mot de passe, ouvrez ce lien :',
      link,
      '',
      `Ce lien est valable jusqu’au ${when.format(expiresAt)} et ne sert qu’une fois. Choisir un nouveau mot de passe ferme toutes vos sessions ouvertes.`,
      'Vous n’avez rien demandé ? Ignorez ce message : votre mot de passe reste inchangé.',
    ];
    await this.mailer.send({
      to,
      subject: 'Réinitialisation de votre mot de passe Pilotis',
      text: lines.join('\n'),
      html: htmlOf(lines, link),
    });
  }
}

function htmlOf(lines: string[], link: string): string {
  const body = lines
    .map((line) =>
      line === link ? `<p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>` : line ? `<p>${escapeHtml(line)}</p>` : '',
    )
    .join('\n');
  return `<!doctype html><html lang="fr"><body>${body}</body></html>`;
}
