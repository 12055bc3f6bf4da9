import { useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client';

export type EventView = Schemas['EventView'];
export type SessionView = Schemas['SessionView'];

export function useEvent(id: string | undefined) {
  return useQuery({
    queryKey: ['event', id],
    queryFn: () => call(api.GET('/api/v1/events/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}

export const EVENT_STATUS_COLORS: Record<EventView['status'], string> = {
  draft: 'default', open: 'processing', closed: 'warning', live: 'success', finished: 'purple',
};

/** The next moves an organizer can make from a status (draft → open → closed ↔ open → live → finished). */
export const NEXT_STATUS: Record<EventView['status'], EventView['status'][]> = {
  draft: ['open'],
  open: ['closed', 'live'],
  closed: ['open', 'live'],
  live: ['finished'],
  finished: [],
};
