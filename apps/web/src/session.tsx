import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, request, setTransport } from './api';
import { graphql } from './gql';
import type { MyTenantsQuery } from './gql/graphql';

const LOGIN = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) { accessToken refreshToken expiresIn user { id displayName email } }
  }
`);
const REFRESH = graphql(`
  mutation Refresh($refreshToken: String!) {
    refreshSession(refreshToken: $refreshToken) { accessToken refreshToken expiresIn user { id displayName email } }
  }
`);
const LOGOUT = graphql(`
  mutation Logout($refreshToken: String!) { logout(refreshToken: $refreshToken) }
`);
const MY_TENANTS = graphql(`
  query MyTenants { myTenants { role organisationId tenant { id siren name kind departements } } }
`);

export type MyTenant = MyTenantsQuery['myTenants'][number];
export interface User {
  id: string;
  displayName: string;
  email: string;
}

interface SessionValue {
  status: 'loading' | 'signedOut' | 'signedIn';
  user: User | null;
  tenants: MyTenant[];
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  /** True while the person must sign in again over the page (expired session). */
  reauthenticating: boolean;
  completeReauthentication(email: string, password: string): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);
// The refresh token survives a reload of the tab, not the closing of the browser; the access token
// lives in memory only.
const REFRESH_KEY = 'pilotis.refresh';

export function SessionProvider({ children }: { children: ReactNode }) {
  const access = useRef<string | null>(null);
  const [status, setStatus] = useState<SessionValue['status']>('loading');
  const [user, setUser] = useState<User | null>(null);
  const [tenants, setTenants] = useState<MyTenant[]>([]);
  const [reauthenticating, setReauthenticating] = useState(false);
  const waiting = useRef<(() => void)[]>([]);

  const accept = useCallback(async (auth: { accessToken: string; refreshToken: string; user: User }) => {
    access.current = auth.accessToken;
    sessionStorage.setItem(REFRESH_KEY, auth.refreshToken);
    setUser(auth.user);
    setTenants((await request(MY_TENANTS)).myTenants);
    setStatus('signedIn');
  }, []);

  const renew = useCallback(async (): Promise<boolean> => {
    const refreshToken = sessionStorage.getItem(REFRESH_KEY);
    if (!refreshToken) return false;
    try {
      const auth = (await request(REFRESH, { refreshToken }, undefined, { renewSession: false })).refreshSession;
      access.current = auth.accessToken;
      sessionStorage.setItem(REFRESH_KEY, auth.refreshToken);
      setUser(auth.user);
      return true;
    } catch {
      sessionStorage.removeItem(REFRESH_KEY);
      return false;
    }
  }, []);

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
      async signIn(email, password) {
        await accept((await request(LOGIN, { input: { email, password } }, undefined, { renewSession: false })).login);
      },
      async signOut() {
        const refreshToken = sessionStorage.getItem(REFRESH_KEY);
        if (refreshToken) await request(LOGOUT, { refreshToken }, undefined, { renewSession: false }).catch(() => undefined);
        sessionStorage.removeItem(REFRESH_KEY);
        access.current = null;
        setUser(null);
        setTenants([]);
        setStatus('signedOut');
      },
      async completeReauthentication(email, password) {
        const auth = (await request(LOGIN, { input: { email, password } }, undefined, { renewSession: false })).login;
        if (user && auth.user.id !== user.id) throw new ApiError('FORBIDDEN', 'Reconnectez-vous avec le même compte pour poursuivre.');
        access.current = auth.accessToken;
        sessionStorage.setItem(REFRESH_KEY, auth.refreshToken);
        setReauthenticating(false);
        for (const resolve of waiting.current.splice(0)) resolve();
      },
    }),
    [status, user, tenants, reauthenticating, accept],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
