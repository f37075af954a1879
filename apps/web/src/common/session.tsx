import { useQueryClient } from '@tanstack/react-query';
import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';

import { graphql } from '../gql';
import type { MyTenantsQuery, Permission } from '../gql/graphql';
import { ApiError, request, sessionRoute, setTransport } from './api';

const MY_TENANTS = graphql(`
  query MyTenants {
    myTenants {
      role
      organisationId
      permissions
      tenant {
        id
        siren
        name
        kind
        departements
      }
    }
  }
`);
const LOGOUT_EVERYWHERE = graphql(`
  mutation LogoutEverywhere {
    logoutEverywhere
  }
`);
const CHANGE_PASSWORD = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input)
  }
`);

export type MyTenant = MyTenantsQuery['myTenants'][number];
export interface User {
  id: string;
  displayName: string;
  email: string;
}

/** What the session routes answer (apps/api's BrowserSession): never the refresh token, which stays in its cookie. */
interface BrowserSession {
  accessToken: string;
  expiresIn: number;
  user: User;
}

interface SessionValue {
  status: 'loading' | 'signedOut' | 'signedIn';
  user: User | null;
  tenants: MyTenant[];
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  /** Ends every session of the account (every device), then this one; the sign-in page then says so (`notice`). */
  signOutEverywhere(): Promise<void>;
  /** What the sign-in page tells once signed out by the application itself (signed out everywhere). */
  notice: string | null;
  /** Changes the password (which ends every session), then signs in again with the new one. */
  changePassword(currentPassword: string, newPassword: string): Promise<void>;
  /** True while the person must sign in again over the page (expired session). */
  reauthenticating: boolean;
  completeReauthentication(email: string, password: string): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export const SIGNED_OUT_EVERYWHERE = 'Vous êtes déconnecté de toutes vos sessions, sur tous vos appareils.';

const login = (email: string, password: string) => sessionRoute<BrowserSession>('/auth/login', { email, password });

/**
 * The access token lives in memory only; the refresh token in an HttpOnly cookie that no script can read
 * (scoped to /auth): a reload restores the session through POST /auth/refresh.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const access = useRef<string | null>(null);
  const [status, setStatus] = useState<SessionValue['status']>('loading');
  const [user, setUser] = useState<User | null>(null);
  const [tenants, setTenants] = useState<MyTenant[]>([]);
  const [reauthenticating, setReauthenticating] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const waiting = useRef<(() => void)[]>([]);
  // One renewal at a time: the cookie rotates, and sending the same one twice revokes the session.
  const renewing = useRef<Promise<boolean> | null>(null);

  const accept = useCallback(async (auth: BrowserSession) => {
    access.current = auth.accessToken;
    setNotice(null);
    setUser(auth.user);
    setTenants((await request(MY_TENANTS)).myTenants);
    setStatus('signedIn');
  }, []);

  const renew = useCallback((): Promise<boolean> => {
    renewing.current ??= sessionRoute<BrowserSession>('/auth/refresh')
      .then((auth) => {
        access.current = auth.accessToken;
        setUser(auth.user);
        return true;
      })
      .catch(() => false)
      .finally(() => {
        renewing.current = null;
      });
    return renewing.current;
  }, []);

  const forget = useCallback(() => {
    access.current = null;
    // The next person to sign in on this browser must not see what this one's pages fetched.
    queryClient.clear();
    setUser(null);
    setTenants([]);
    setStatus('signedOut');
  }, [queryClient]);

  useEffect(() => {
    setTransport({
      token: () => access.current,
      renew,
      signInAgain: () =>
        new Promise<void>((resolve) => {
          waiting.current.push(resolve);
          setReauthenticating(true);
        }),
    });
    void (async () => {
      if (await renew()) {
        setTenants((await request(MY_TENANTS)).myTenants);
        setStatus('signedIn');
      } else setStatus('signedOut');
    })();
  }, [renew]);

  const value = useMemo<SessionValue>(
    () => ({
      status,
      user,
      tenants,
      reauthenticating,
      notice,
      async signIn(email, password) {
        await accept(await login(email, password));
      },
      async signOut() {
        // The cookie alone ends the session: it works even once the access token has expired.
        await sessionRoute('/auth/logout').catch(() => undefined);
        forget();
      },
      async signOutEverywhere() {
        await request(LOGOUT_EVERYWHERE);
        await sessionRoute('/auth/logout').catch(() => undefined);
        // Held here, not in the navigation's state: the private page sends to the sign-in page as soon as
        // the session is gone, before any navigation of the page that asked.
        setNotice(SIGNED_OUT_EVERYWHERE);
        forget();
      },
      async changePassword(currentPassword, newPassword) {
        const email = user?.email;
        await request(CHANGE_PASSWORD, { input: { currentPassword, newPassword } });
        // Every session has ended, this one too: the person stays signed in with the new password.
        access.current = null;
        if (email) await accept(await login(email, newPassword));
        else forget();
      },
      async completeReauthentication(email, password) {
        const auth = await login(email, password);
        if (user && auth.user.id !== user.id) {
          // Someone else's session must not go on with this person's page: close it again.
          await sessionRoute('/auth/logout').catch(() => undefined);
          throw new ApiError('FORBIDDEN', 'Reconnectez-vous avec le même compte pour poursuivre.');
        }
        access.current = auth.accessToken;
        setReauthenticating(false);
        for (const resolve of waiting.current.splice(0)) resolve();
      },
    }),
    [status, user, tenants, reauthenticating, notice, accept, forget],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/**
 * My role in the territory of the page, or null, and what the API lets me do there (`myTenants.permissions`,
 * from its role matrix: the screens keep no copy of it). `can` is false everywhere outside a membership.
 */
export function useTenantRole(siren: string | undefined): {
  role: string | null;
  tenantName: string;
  can(permission: Permission): boolean;
} {
  const { tenants } = useSession();
  const t = tenants.find((x) => x.tenant.siren === siren);
  const permissions: readonly Permission[] = t?.permissions ?? [];
  return { role: t?.role ?? null, tenantName: t?.tenant.name ?? '', can: (permission) => permissions.includes(permission) };
}
