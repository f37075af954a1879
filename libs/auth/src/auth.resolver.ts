import { Args, Context, Field, InputType, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { Authenticated, Public } from '@pilotis/access';
import { Db } from '@pilotis/db';
import { notFound } from '@pilotis/shared';
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
}

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly db: Db,
  ) {}

  @Public()
  @Mutation(() => AuthPayload, { description: 'Connexion par e-mail et mot de passe (tentatives limitées).' })
  login(@Args('input', { description: 'E-mail et mot de passe.' }) input: LoginInput, @Context('req') req: RequestWithIp): Promise<AuthPayload> {
    return this.auth.login(input.email, input.password, req.ip ?? 'unknown');
  }

  @Public()
  @Mutation(() => AuthPayload, {
    description: 'Renouvelle la session. Un jeton déjà utilisé révoque toute la session (vol présumé).',
  })
  refreshSession(
    @Args('refreshToken', { description: 'Le dernier jeton de renouvellement reçu.' }) refreshToken: string,
    @Context('req') req: RequestWithIp,
  ): Promise<AuthPayload> {
    return this.auth.refresh(refreshToken, req.ip ?? 'unknown');
  }

  @Authenticated()
  @Mutation(() => Boolean, { description: 'Déconnexion : révoque la session de ce jeton de renouvellement.' })
  logout(@Args('refreshToken', { description: 'Le jeton de renouvellement de la session.' }) refreshToken: string): Promise<boolean> {
    return this.auth.logout(refreshToken);
  }

  @Authenticated()
  @Query(() => User, { description: 'La personne connectée.' })
  async me(): Promise<User> {
    const manager = await this.db.manager();
    const user = await manager.findOne(User, { where: { id: this.db.actor().userId } });
    if (!user) throw notFound('Utilisateur');
    return user;
  }
}
