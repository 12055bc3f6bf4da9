import { Cascader } from 'antd';
import { useTranslation } from 'react-i18next';
import { regionPath, useRegions, type RegionOption } from '../lib/regions';

/** Search by name (any level) or by code: `320211`, `3202`, `无锡`, `Binhu`. */
export function matchesRegion(input: string, path: RegionOption[]): boolean {
  const q = input.trim().toLowerCase();
  if (!q) return true;
  if (/^\d+$/.test(q)) return path[path.length - 1]?.value.startsWith(q) ?? false;
  return path.some((o) => o.label.toLowerCase().includes(q));
}

/** A company sits in a 6-digit division: a city or province picked as the last level is padded (3203 → 320300). */
export function asDivision(code: string): string {
  return code.padEnd(6, '0');
}

interface SingleProps {
  multiple?: false;
  /** One 6-digit division (a company's seat), or with `anyLevel` a province / city / division. */
  value?: string;
  onChange?: (code: string | undefined) => void;
  anyLevel?: boolean;
}

interface MultipleProps {
  multiple: true;
  /** Province, city or division prefixes (mandates, filters): picking a province means all of it. */
  value?: string[];
  onChange?: (codes: string[]) => void;
}

type Props = (SingleProps | MultipleProps) & { placeholder?: string; id?: string; 'data-testid'?: string; style?: React.CSSProperties };

/** A region picker over GET /reference/regions; the form value stays the plain GB/T 2260 code. */
export function RegionCascader(props: Props) {
  const { t } = useTranslation();
  const regions = useRegions();
  const common = {
    id: props.id,
    options: regions.options,
    loading: regions.loading,
    showSearch: { filter: (input: string, path: RegionOption[]) => matchesRegion(input, path) },
    placeholder: props.placeholder ?? t('region.placeholder'),
    style: { width: '100%', ...props.style },
    'data-testid': props['data-testid'],
    notFoundContent: t('region.notFound'),
  };
  if (props.multiple) {
    return (
      <Cascader
        {...common}
        multiple
        showCheckedStrategy={Cascader.SHOW_PARENT}
        maxTagCount={4}
        value={(props.value ?? []).map(regionPath)}
        onChange={(paths) => props.onChange?.((paths as string[][]).map((p) => p[p.length - 1]).filter(Boolean))}
      />
    );
  }
  return (
    <Cascader
      {...common}
      changeOnSelect={props.anyLevel}
      value={props.value ? regionPath(props.value) : undefined}
      onChange={(path) => {
        const p = (path ?? []) as string[];
        const last = p[p.length - 1];
        props.onChange?.(last ? (props.anyLevel ? last : asDivision(last)) : undefined);
      }}
    />
  );
}
