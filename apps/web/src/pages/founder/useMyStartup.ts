import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';

/** The acting organization's company profile (the first, oldest one). */
export function useMyStartup() {
  return useQuery({
    queryKey: ['startups', 'mine'],
    queryFn: async () => (await call(api.GET('/api/v1/startups', { params: { query: { mine: 'true', limit: 1 } } }))).items[0] ?? null,
  });
}
