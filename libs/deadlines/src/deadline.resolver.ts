import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import { Allow, Permission } from '@pilotis/access';
import { daysBetween, dueInWords, Page, PageArgs, uuid } from '@pilotis/shared';

import { Deadline, DeadlineState } from './deadline.entity';
import {
  DeadlinePage,
  DeadlinePerson,
  DeadlinesArgs,
  FailedEmailDigest,
  FailedEmailDigestPage,
  MarkDeadlineMetInput,
  NotificationPage,
  NotificationsArgs,
  RecordBilanInput,
  TenantSettingsView,
  UpdateTenantSettingsInput,
} from './deadline.inputs';
import { DeadlineService } from './deadline.service';
import { deadlineState } from './deadline-state';
import { Notification } from './notification.entity';

@Resolver(() => Deadline)
export class DeadlineResolver {
  constructor(private readonly service: DeadlineService) {}

  @Allow(Permission.READ)
  @Query(() => DeadlinePage, {
    description:
      'Les échéances du territoire, par date, filtrées par nature, état, personne et période. Un représentant de financeur ou de porteur ne voit que celles dont il répond.',
  })
  deadlines(@Args() args: DeadlinesArgs): Promise<Page<Deadline>> {
    return this.service.list(args);
  }

  @Allow(Permission.READ)
  @Query(() => Deadline, { description: 'Une échéance.' })
  deadline(@Args('id', { type: () => ID, description: "Identifiant de l'échéance." }, uuid('id')) id: string): Promise<Deadline> {
    return this.service.find(id);
  }

  @Allow(Permission.MANAGE_ACTIONS)
  @Mutation(() => Deadline, {
    description: "Marque une échéance tenue, avec un commentaire (versement fait, pièce reçue…) : ses relances s'arrêtent.",
  })
  markDeadlineMet(@Args('input', { description: "L'échéance et le commentaire." }) input: MarkDeadlineMetInput): Promise<Deadline> {
    return this.service.markMet(input);
  }

  @Allow(Permission.MANAGE_ACTIONS)
  @Mutation(() => Deadline, {
    nullable: true,
    description:
      "Enregistre la réception du bilan d'une action pour un exercice : l'échéance du bilan est tenue et ses relances s'arrêtent.",
  })
  recordBilan(@Args('input', { description: 'Le bilan reçu.' }) input: RecordBilanInput): Promise<Deadline | null> {
    return this.service.recordBilan(input);
  }

  @ResolveField(() => DeadlineState, { description: 'État au jour présent, dans le fuseau du territoire.' })
  async state(@Parent() deadline: Deadline): Promise<DeadlineState> {
    return deadlineState(deadline, await this.service.today());
  }

  @ResolveField(() => Int, {
    description: "Jours d'ici la date, comptés en dates civiles dans le fuseau du territoire (0 le jour même, négatif une fois passée).",
  })
  async daysLeft(@Parent() deadline: Deadline): Promise<number> {
    return daysBetween(await this.service.today(), deadline.dueDate);
  }

  @ResolveField(() => String, {
    description:
      "Où en est la date, en mots, vue d'aujourd'hui dans le fuseau du territoire : « aujourd'hui », « demain », « dans 7 jours », « en retard de 3 jours ».",
  })
  async dueIn(@Parent() deadline: Deadline): Promise<string> {
    return dueInWords(await this.service.today(), deadline.dueDate);
  }

  @ResolveField(() => [DeadlinePerson], { description: "Personnes qui en répondent (relancées avant l'escalade)." })
  responsibles(@Parent() deadline: Deadline): Promise<DeadlinePerson[]> {
    return this.service.responsibles(deadline.id);
  }
}

@Resolver(() => Notification)
export class NotificationResolver {
  constructor(private readonly service: DeadlineService) {}

  @Allow(Permission.READ)
  @Query(() => NotificationPage, { description: 'Mes relances dans ce territoire, les plus récentes d’abord.' })
  myNotifications(@Args() args: NotificationsArgs): Promise<Page<Notification>> {
    return this.service.myNotifications(args);
  }

  @Allow(Permission.READ)
  @Query(() => Int, { description: 'Nombre de mes relances non lues dans ce territoire.' })
  unreadNotificationCount(): Promise<number> {
    return this.service.unreadCount();
  }

  @Allow(Permission.READ)
  @Mutation(() => Notification, { description: "Marque une de mes relances comme lue (celle d'une autre personne est introuvable)." })
  markNotificationRead(
    @Args('id', { type: () => ID, description: 'Identifiant de la relance.' }, uuid('id')) id: string,
  ): Promise<Notification> {
    return this.service.markRead(id);
  }

  @Allow(Permission.READ)
  @Mutation(() => Int, { description: 'Marque toutes mes relances comme lues ; renvoie leur nombre.' })
  markAllNotificationsRead(): Promise<number> {
    return this.service.markAllRead();
  }

  @ResolveField(() => Deadline, { description: 'Échéance relancée.' })
  deadline(@Parent() notification: Notification): Promise<Deadline> {
    return this.service.ofNotification(notification);
  }
}

@Resolver(() => TenantSettingsView)
export class TenantSettingsResolver {
  constructor(private readonly service: DeadlineService) {}

  @Allow(Permission.READ)
  @Query(() => TenantSettingsView, { description: 'Réglages des échéances et des relances du territoire.' })
  tenantSettings(): Promise<TenantSettingsView> {
    return this.service.settings();
  }

  @Allow(Permission.MANAGE_MEMBERS)
  @Mutation(() => TenantSettingsView, {
    description: 'Modifie les réglages des échéances et des relances (administrateur du territoire) ; les échéances sont recalculées.',
  })
  updateTenantSettings(
    @Args('input', { description: 'Les réglages modifiés.' }) input: UpdateTenantSettingsInput,
  ): Promise<TenantSettingsView> {
    return this.service.updateSettings(input);
  }

  @Allow(Permission.MANAGE_MEMBERS)
  @Query(() => FailedEmailDigestPage, {
    description:
      "Les récapitulatifs du jour par courriel qui n'ont pas pu être envoyés aux membres du territoire (administrateur du territoire), les plus récents d'abord : destinataire, motif, tentatives.",
  })
  failedEmailDigests(@Args() args: PageArgs): Promise<Page<FailedEmailDigest>> {
    return this.service.failedDigests(args);
  }
}
