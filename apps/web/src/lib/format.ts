/** Money travels as integer 分; people read 万元 (¥10,000). */
export const FEN_PER_WAN = 1_000_000;

export function fenToWan(fen: number | null | undefined): number | null {
  return fen == null ? null : fen / FEN_PER_WAN;
}

export function wanToFen(wan: number | null | undefined): number | undefined {
  return wan == null ? undefined : Math.round(wan * FEN_PER_WAN);
}

export function formatWan(fen: number | null | undefined, lang: string): string {
  const wan = fenToWan(fen);
  if (wan == null) return '—';
  if (lang === 'en') {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency: 'CNY', notation: 'compact', maximumFractionDigits: 1 }).format(fen! / 100);
  }
  return `${new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 }).format(wan)} 万元`;
}

export function formatDate(iso: string | null | undefined, lang: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

export function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
