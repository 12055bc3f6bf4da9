import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, call, onTokensChange, tokenStore, type Schemas, type StoredTokens } from '../api/client';

export type Me = Schemas['MeView'];
export type Persona = 'founder' | 'investor' | 'organizer';

export function personaOf(kind: Schemas['OrganizationView']['kind'] | undefined): Persona {
  if (kind === 'fund' || kind === 'bank') return 'investor';
  if (kind === 'organizer') return 'organizer';
  return 'founder';
}

interface Session {
  tokens: StoredTokens | null;
  me: Me | undefined;
  persona: Persona;
  loading: boolean;
  login(email: string, password: string): Promise<void>;
  register(input: Schemas['RegisterDto']): Promise<void>;
  logout(): Promise<void>;
  switchOrganization(organizationId: string): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

function store(result: Schemas['AuthResultDto']) {
  tokenStore.set({
    accessToken: result.tokens.accessToken,
    refreshToken: result.tokens.refreshToken,
    organizationId: result.organizationId,
  });
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [tokens, setTokens] = useState(tokenStore.get);
  useEffect(() => onTokensChange(setTokens), []);

  const meQuery = useQuery({
    queryKey: ['me', tokens?.organizationId],
    queryFn: () => call(api.GET('/api/v1/me')),
    enabled: !!tokens,
    staleTime: 60_000,
  });

  const login = useCallback(async (email: string, password: string) => {
    store(await call(api.POST('/api/v1/auth/login', { body: { email, password } })));
    queryClient.clear();
  }, [queryClient]);

  const register = useCallback(async (input: Schemas['RegisterDto']) => {
    store(await call(api.POST('/api/v1/auth/register', { body: input })));
    queryClient.clear();
  }, [queryClient]);

  const logout = useCallback(async () => {
    const current = tokenStore.get();
    if (current) await api.POST('/api/v1/auth/logout', { body: { refreshToken: current.refreshToken } }).catch(() => undefined);
    tokenStore.set(null);
    queryClient.clear();
  }, [queryClient]);

  const switchOrganization = useCallback(async (organizationId: string) => {
    store(await call(api.POST('/api/v1/auth/switch-organization', { body: { organizationId } })));
    queryClient.clear();
  }, [queryClient]);

  const value = useMemo<Session>(
    () => ({
      tokens,
      me: meQuery.data,
      persona: personaOf(meQuery.data?.actingOrganization.kind),
      loading: !!tokens && meQuery.isPending,
      login,
      register,
      logout,
      switchOrganization,
    }),
    [tokens, meQuery.data, meQuery.isPending, login, register, logout, switchOrganization],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
