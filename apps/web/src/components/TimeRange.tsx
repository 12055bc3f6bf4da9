import { Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';

const STEP = 5;
const TIMES = Array.from({ length: (24 * 60) / STEP }, (_, i) => {
  const m = i * STEP;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
});
const OPTIONS = TIMES.map((v) => ({ value: v, label: v }));

const toDayjs = (hhmm: string) => dayjs(`2000-01-01T${hhmm}:00`);

/**
 * A start–end pair of wall-clock times (5-minute steps) as a form control: two searchable selects
 * (type "09:30"), because a day's hours read better as a pair of times than as a picker panel.
 * The value is `[start, end]` as Dayjs (only hours and minutes count).
 */
export function TimeRange({ id, value, onChange, allowClear = false }: { id?: string; value?: [Dayjs, Dayjs] | null; onChange?: (v: [Dayjs, Dayjs] | null) => void; allowClear?: boolean }) {
  const { t } = useTranslation();
  const start = value?.[0]?.format('HH:mm');
  const end = value?.[1]?.format('HH:mm');
  const set = (s: string | undefined, e: string | undefined) => {
    if (!s && !e) onChange?.(null);
    else if (s && e) onChange?.([toDayjs(s), toDayjs(e)]);
    else onChange?.([toDayjs(s ?? e!), toDayjs(e ?? s!)]);
  };
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Select id={id} showSearch allowClear={allowClear} placeholder={t('common.startTime')} value={start} options={OPTIONS} onChange={(s) => set(s, end && s && end <= s ? undefined : end)} style={{ width: '50%' }} />
      <Select id={id ? `${id}_end` : undefined} showSearch allowClear={allowClear} placeholder={t('common.endTime')} value={end} options={OPTIONS.filter((o) => !start || o.value > start)} onChange={(e) => set(start, e)} style={{ width: '50%' }} />
    </Space.Compact>
  );
}
