import { LockFilled, UnlockOutlined } from '@ant-design/icons';
import { Tag, Tooltip, Typography } from 'antd';
import { useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';

export interface GridSlot { index: number; startsAt: string; endsAt: string; session: 'morning' | 'afternoon' }
export interface GridParticipant { id: string; name: string; role: 'founder' | 'investor' }
export interface GridMeeting {
  id: string;
  slot: number;
  table: string;
  parties: [string, string];
  locked: boolean;
  projectTitle?: string | null;
}

/** Whether a meeting may move to a slot: both parties are free there (other than in this very meeting), and it is not locked. */
export function canMove(meetings: GridMeeting[], meetingId: string, slot: number): boolean {
  const m = meetings.find((x) => x.id === meetingId);
  if (!m || m.locked || m.slot === slot) return false;
  return !meetings.some((o) => o.id !== m.id && o.slot === slot && (o.parties.includes(m.parties[0]) || o.parties.includes(m.parties[1])));
}

/** Idle gaps between two meetings of one participant inside one session (the scheduler's "breaks"). */
export function breaksOf(meetings: GridMeeting[], participantId: string, slots: GridSlot[]): number {
  const session = new Map(slots.map((s) => [s.index, s.session]));
  const mine = meetings.filter((m) => m.parties.includes(participantId)).map((m) => m.slot).sort((a, b) => a - b);
  let breaks = 0;
  for (let i = 1; i < mine.length; i++) if (mine[i] - mine[i - 1] > 1 && session.get(mine[i]) === session.get(mine[i - 1])) breaks++;
  return breaks;
}

interface Props {
  slots: GridSlot[];
  participants: GridParticipant[];
  meetings: GridMeeting[];
  timeLabel: (iso: string) => string;
  /** Toggle a meeting's lock (published meetings only). */
  onLock?: (meeting: GridMeeting, locked: boolean) => void;
  /** Drag a meeting to another slot (both parties must be free there). */
  onMove?: (meeting: GridMeeting, slot: number) => void;
}

const cell: CSSProperties = { border: '1px solid #eef0f3', padding: 4, minWidth: 118, height: 56, verticalAlign: 'top' };

/** Participants × slots: who meets whom, when and at which table; locks; drag a meeting to move it. */
export function MeetingGrid({ slots, participants, meetings, timeLabel, onLock, onMove }: Props) {
  const { t } = useTranslation();
  const [dragged, setDragged] = useState<string | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const names = new Map(participants.map((p) => [p.id, p.name]));
  const at = new Map<string, GridMeeting>();
  for (const m of meetings) for (const p of m.parties) at.set(`${p}:${m.slot}`, m);
  const lunchAfter = slots.findIndex((s, i) => i > 0 && s.session !== slots[i - 1].session);
  return (
    <div style={{ overflowX: 'auto' }} data-testid="meeting-grid">
      <table style={{ borderCollapse: 'collapse', fontSize: 12, width: '100%' }}>
        <thead>
          <tr>
            <th style={{ ...cell, height: 'auto', position: 'sticky', left: 0, background: '#f8fafc', minWidth: 180, textAlign: 'left', zIndex: 1 }}>{t('rs.grid.participant')}</th>
            {slots.map((s, i) => (
              <th key={s.index} style={{ ...cell, height: 'auto', background: '#f8fafc', fontWeight: 600, borderLeft: i === lunchAfter ? '3px solid #fbbf24' : cell.border }}>
                {timeLabel(s.startsAt)}
                {i === lunchAfter && <div style={{ fontWeight: 400, color: '#b45309' }}>{t('rs.grid.afterLunch')}</div>}
              </th>
            ))}
            <th style={{ ...cell, height: 'auto', background: '#f8fafc' }}>{t('rs.grid.breaks')}</th>
          </tr>
        </thead>
        <tbody>
          {participants.map((p) => (
            <tr key={p.id} data-testid={`grid-row-${p.id}`}>
              <th style={{ ...cell, textAlign: 'left', position: 'sticky', left: 0, background: '#fff', fontWeight: 500, zIndex: 1 }}>
                <div style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
                  <Tag color={p.role === 'investor' ? 'geekblue' : 'green'} style={{ marginInlineEnd: 0 }}>{t(`rs.role.${p.role}`)}</Tag>
                  <Typography.Text ellipsis style={{ maxWidth: 150 }}>{p.name}</Typography.Text>
                </div>
              </th>
              {slots.map((s, i) => {
                const m = at.get(`${p.id}:${s.index}`);
                const key = `${p.id}:${s.index}`;
                const valid = dragged != null && canMove(meetings, dragged, s.index) && meetings.find((x) => x.id === dragged)!.parties.includes(p.id);
                const style: CSSProperties = {
                  ...cell,
                  borderLeft: i === lunchAfter ? '3px solid #fbbf24' : cell.border,
                  background: over === key && valid ? '#dbeafe' : valid ? '#f0f9ff' : undefined,
                };
                if (!m)
                  return (
                    <td
                      key={s.index}
                      style={style}
                      data-testid={`cell-${p.id}-${s.index}`}
                      onDragOver={(e) => { if (valid) { e.preventDefault(); setOver(key); } }}
                      onDragLeave={() => setOver(null)}
                      onDrop={(e) => {
                        e.preventDefault();
                        const moving = meetings.find((x) => x.id === dragged);
                        if (moving && valid) onMove?.(moving, s.index);
                        setDragged(null);
                        setOver(null);
                      }}
                    />
                  );
                const other = m.parties[0] === p.id ? m.parties[1] : m.parties[0];
                return (
                  <td key={s.index} style={style} data-testid={`cell-${p.id}-${s.index}`}>
                    <div
                      draggable={!!onMove && !m.locked}
                      onDragStart={() => setDragged(m.id)}
                      onDragEnd={() => { setDragged(null); setOver(null); }}
                      data-testid={`meeting-${m.id}`}
                      style={{
                        background: m.locked ? '#fef3c7' : '#eff6ff',
                        border: `1px solid ${m.locked ? '#f59e0b' : '#93c5fd'}`,
                        borderRadius: 6,
                        padding: '3px 6px',
                        cursor: onMove && !m.locked ? 'grab' : 'default',
                        opacity: dragged === m.id ? 0.5 : 1,
                        height: '100%',
                        boxSizing: 'border-box',
                      }}
                    >
                      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 4 }}>
                        <Typography.Text strong ellipsis style={{ fontSize: 12, maxWidth: 86 }}>{names.get(other) ?? '—'}</Typography.Text>
                        {onLock ? (
                          <Tooltip title={m.locked ? t('rs.grid.unlock') : t('rs.grid.lock')}>
                            <span role="button" aria-label={m.locked ? t('rs.grid.unlock') : t('rs.grid.lock')} data-testid={`lock-${m.id}`} onClick={() => onLock(m, !m.locked)} style={{ cursor: 'pointer', color: m.locked ? '#b45309' : '#94a3b8' }}>
                              {m.locked ? <LockFilled /> : <UnlockOutlined />}
                            </span>
                          </Tooltip>
                        ) : m.locked ? <LockFilled style={{ color: '#b45309' }} /> : null}
                      </div>
                      <div style={{ color: '#64748b' }}>{t('rs.grid.table', { table: m.table })}</div>
                    </div>
                  </td>
                );
              })}
              <td style={{ ...cell, textAlign: 'center', fontVariantNumeric: 'tabular-nums' }}>{breaksOf(meetings, p.id, slots)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
