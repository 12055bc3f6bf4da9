import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, type Schemas } from '../api/client';

export type RegionNode = Schemas['RegionNodeView'];

export interface RegionOption {
  value: string;
  label: string;
  children?: RegionOption[];
}

/** `320000` → `32`, `340100` → `3401`: GB/T 2260 pads provinces and cities with zeros. */
export function regionKey(code: string): string {
  if (code.length === 6 && code.endsWith('0000')) return code.slice(0, 2);
  if (code.length === 6 && code.endsWith('00')) return code.slice(0, 4);
  return code;
}

/** `320211` → `['32', '3202', '320211']`. */
export function regionPath(code: string): string[] {
  const key = regionKey(code);
  return [2, 4, 6].filter((n) => n <= key.length).map((n) => key.slice(0, n));
}

/** Cascader options in the user's language; a district (or a city without districts) has no `children`. */
export function regionOptions(tree: readonly RegionNode[], en: boolean): RegionOption[] {
  return tree.map((n) => ({
    value: n.code,
    label: en ? n.en : n.zh,
    ...(n.children.length ? { children: regionOptions(n.children, en) } : {}),
  }));
}

/**
 * The code's place name, province first: 江苏省 无锡市 滨湖区 / Binhu, Wuxi, Jiangsu. A municipality
 * (北京市 北京市 海淀区) is named once; levels the tree does not know are left out; an unknown code
 * is shown as itself.
 */
export function regionLabel(tree: readonly RegionNode[], code: string | null | undefined, en: boolean): string {
  if (!code) return '—';
  const names: string[] = [];
  let level: readonly RegionNode[] = tree;
  for (const prefix of regionPath(code)) {
    const node = level.find((n) => n.code === prefix);
    if (!node) break;
    const name = en ? node.en : node.zh;
    if (names.at(-1) !== name) names.push(name);
    level = node.children;
  }
  if (!names.length) return code;
  return en ? names.reverse().join(', ') : names.join(' ');
}

const EMPTY: readonly RegionNode[] = [];

/** The region tree (cached for the session) with its Cascader options and a code → name lookup. */
export function useRegions() {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  const q = useQuery({
    queryKey: ['reference', 'regions'],
    queryFn: () => call(api.GET('/api/v1/reference/regions')),
    staleTime: Infinity,
  });
  const tree = q.data ?? EMPTY;
  // 3,400 nodes: built once per tree and language, not on every render of every picker.
  const options = useMemo(() => regionOptions(tree, en), [tree, en]);
  return {
    tree,
    options,
    label: (code: string | null | undefined) => regionLabel(tree, code, en),
    loading: q.isPending,
  };
}
