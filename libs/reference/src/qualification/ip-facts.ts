import { IP_CLASSES_2022, type IpClassRubric } from './rubrics/ip-classes';
import type { CompanyFacts, IpItemFacts, IpType } from './types';

export type IpClass = 'I' | 'II';

export function ipClassOf(type: IpType, rubric: IpClassRubric = IP_CLASSES_2022): IpClass | null {
  if (rubric.classI.includes(type)) return 'I';
  if (rubric.classII.includes(type)) return 'II';
  return null;
}

/** A count known only within bounds: items whose qualifying flag is unknown count toward `possible` only. */
export interface IpCount {
  known: number;
  possible: number;
  missing: string[];
}

export interface IpCountOptions {
  ipClass: IpClass;
  /** Count only items tied to the main product (与主要产品相关). */
  requireTied: boolean;
  /** An extra flag the item must carry (自主研发 / 高价值). */
  requireFlag?: 'selfDeveloped' | 'highValue';
}

function flagState(item: IpItemFacts, flag: 'tiedToMainProduct' | 'selfDeveloped' | 'highValue'): boolean | null {
  const value = item[flag];
  return value === undefined ? null : value;
}

export function countIp(
  input: CompanyFacts,
  options: IpCountOptions,
  rubric: IpClassRubric = IP_CLASSES_2022,
): IpCount {
  const count: IpCount = { known: 0, possible: 0, missing: [] };
  (input.ipItems ?? []).forEach((item, i) => {
    // Expired rights and trademarks never count; a pledged patent is still in force.
    if (ipClassOf(item.type, rubric) !== options.ipClass || !rubric.inForceStatuses.includes(item.status)) return;
    const flags: Array<'tiedToMainProduct' | 'selfDeveloped' | 'highValue'> = [];
    if (options.requireTied) flags.push('tiedToMainProduct');
    if (options.requireFlag) flags.push(options.requireFlag);
    const states = flags.map((flag) => flagState(item, flag));
    if (states.some((state) => state === false)) return;
    count.possible += 1;
    const unknown = flags.filter((_, k) => states[k] === null);
    if (unknown.length === 0) count.known += 1;
    else count.missing.push(...unknown.map((flag) => `ipItems[${i}].${flag}`));
  });
  return count;
}
