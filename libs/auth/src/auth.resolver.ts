import { Args, Context, Field, InputType, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

import { Authenticated, Public } from '@pilotis/access';
import { Db } from '@pilotis/db';
import { DomainError, ErrorCode, notFound } from '@pilotis/shared';

import { AuthService } from './auth.service';
import { User } from './user.entity';

@InputType({ description: 'Identifiants de connexion.' })
export class LoginInput {
  @Field({ description: 'Adresse e-mail.' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @Field({ description: 'Mot de passe.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}

/** The API's rule for a password: 12 characters at least (invitation, reset, change). */
export const PASSWORD_MIN_LENGTH = 12;

@InputType({ description: 'Changement de mot de passe.' })
export class ChangePasswordInput {
  @Field({ description: 'Mot de passe actuel.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  currentPassword: string;

  @Field({ description: 'Nouveau mot de passe (12 caractères au moins).' })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(200)
  newPassword: string;
}

@InputType({ description: 'Demande de réinitialisation du mot de passe.' })
export class RequestPasswordResetInput {
  @Field({ description: 'Adresse e-mail du compte.' })
  @IsEmail()
  @MaxLength(254)
  email: string;
}

@InputType({ description: 'Nouveau mot de passe choisi avec le lien reçu par courriel.' })
export class ResetPasswordInput {
  @Field({ description: 'Le jeton du lien (après « #jeton= »).' })
  @IsString()
  @MaxLength(200)
  token: string;

  @Field({ description: 'Nouveau mot de passe (12 caractères au moins).' })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(200)
  password: string;
}

@ObjectType({ description: 'Jetons de session.' })
export class AuthPayload {
  @Field({ description: "Jeton d'accès (JWT, en-tête `Authorization: Bearer …`), valable `expiresIn` secondes." })
  accessToken: string;

  @Field({ description: 'Jeton de renouvellement, à usage unique : chaque renouvellement en donne un nouveau.' })
  refreshToken: string;

  @Field(() => Int, { description: "Durée de validité du jeton d'accès, en secondes." })
  expiresIn: number;

  @Field(() => User, { description: 'La personne connectée.' })
  user: User;
}

interface RequestWithIp {
  ip?: string;
  headers?: Record<string, string | string[] | undefined>;
}

/**
 * Headers only a browser adds on its own: the fetch metadata (`Sec-Fetch-Site`, `Sec-Fetch-Mode`, sent by
 * every current browser on every request and beyond a page's script's reach) and `Origin` (on every POST a
 * page makes, older browsers included). A script or an integration sends none of them.
 */
const BROWSER_HEADERS = ['sec-fetch-site', 'sec-fetch-mode', 'origin'];

/**
 * `login` and `refreshSession` hand the refresh token back in the body, which a page's script can read —
 * and so can any script injected into it. In a browser the refresh token lives only in the HttpOnly cookie
 * of the session routes (`/auth/*`, session.controller.ts): a browser asking here is refused, whatever its
 * origin, so that a body refresh token can never be handed to a page. Scripts and integrations keep them.
 */
function refuseBrowsers(req: RequestWithIp): void {
  const sent = BROWSER_HEADERS.filter((name) => req.headers?.[name] !== undefined);
  if (sent.length === 0) return;
  throw new DomainError(
    ErrorCode.BROWSER_MUST_USE_SESSION,
    'Dans un navigateur, la session passe par les routes POST /auth/login, /auth/refresh et /auth/logout (jeton de renouvellement en cookie HttpOnly) : les mutations login et refreshSession, qui rendent le jeton dans la réponse, sont réservées aux scripts et intégrations.',
    { browserHeaders: sent },
  );
}

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly db: Db,
  ) {}

  @Public()
  @Mutation(() => AuthPayload, {
    description:
      'Connexion par e-mail et mot de passe (tentatives limitées), pour les scripts et intégrations : le jeton de renouvellement est rendu dans la réponse. Refusée à un navigateur (en-têtes Sec-Fetch-* ou Origin : BROWSER_MUST_USE_SESSION), qui passe par POST /auth/login.',
  })
  login(
    @Args('input', { description: 'E-mail et mot de passe.' }) input: LoginInput,
    @Context('req') req: RequestWithIp,
  ): Promise<AuthPayload> {
    refuseBrowsers(req);
    return this.auth.login(input.email, input.password, req.ip ?? 'unknown');
  }

  @Public()
  @Mutation(() => AuthPayload, {
    description:
      'Renouvelle la session d’un script ou d’une intégration. Un jeton déjà utilisé révoque toute la session (vol présumé). Refusé à un navigateur (BROWSER_MUST_USE_SESSION), qui passe par POST /auth/refresh.',
  })
  refreshSession(
    @Args('refreshToken', { description: 'Le dernier jeton de renouvellement reçu.' }) refreshToken: string,
    @Context('req') req: RequestWithIp,
  ): Promise<AuthPayload> {
    refuseBrowsers(req);
    return this.auth.refresh(refreshToken, req.ip ?? 'unknown');
  }

  @Public()
  @Mutation(() => Boolean, {
    description:
      "Déconnexion : révoque la session de ce jeton de renouvellement. Le jeton suffit (un jeton d'accès expiré n'empêche pas de se déconnecter) ; répond vrai même pour un jeton inconnu ou déjà révoqué.",
  })
  logout(@Args('refreshToken', { description: 'Le jeton de renouvellement de la session.' }) refreshToken: string): Promise<boolean> {
    return this.auth.logout(refreshToken);
  }

  @Authenticated()
  @Mutation(() => Boolean, {
    description: "Se déconnecter partout : ferme toutes les sessions du compte et invalide tous ses jetons d'accès.",
  })
  logoutEverywhere(): Promise<boolean> {
    return this.auth.logoutEverywhere();
  }

  @Authenticated()
  @Mutation(() => Boolean, {
    description:
      'Change le mot de passe (le mot de passe actuel est requis). Ferme toutes les sessions du compte, celle-ci comprise : reconnectez-vous.',
  })
  changePassword(
    @Args('input', { description: 'Mot de passe actuel et nouveau.' }) input: ChangePasswordInput,
    @Context('req') req: RequestWithIp,
  ): Promise<boolean> {
    return this.auth.changePassword(input.currentPassword, input.newPassword, req.ip ?? 'unknown');
  }

  @Public()
  @Mutation(() => Boolean, {
    description:
      "Mot de passe oublié : envoie un lien de réinitialisation à l'adresse si elle correspond à un compte actif. Répond toujours vrai, que l'adresse existe ou non.",
  })
  requestPasswordReset(
    @Args('input', { description: 'Adresse e-mail du compte.' }) input: RequestPasswordResetInput,
    @Context('req') req: RequestWithIp,
  ): Promise<boolean> {
    return this.auth.requestPasswordReset(input.email, req.ip ?? 'unknown');
  }

  @Public()
  @Mutation(() => Boolean, {
    description: 'Choisit un nouveau mot de passe avec le lien reçu par courriel. Ferme toutes les sessions du compte.',
  })
  resetPassword(
    @Args('input', { description: 'Le jeton du lien et le nouveau mot de passe.' }) input: ResetPasswordInput,
  ): Promise<boolean> {
    return this.auth.resetPassword(input.token, input.password);
  }

  @Authenticated()
  @Query(() => User, { description: 'La personne connectée.' })
  async me(): Promise<User> {
    // `users` is a platform table: the manager, not a tenant repository.
    const manager = await this.db.manager();
    const user = await manager.findOne(User, { where: { id: this.db.actor().userId } });
    if (!user) throw notFound('Utilisateur');
    return user;
  }
}
