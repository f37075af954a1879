export * from './roles';
export * from './user.entity';
export * from './refresh-token.entity';
export * from './user-invitation.entity';
