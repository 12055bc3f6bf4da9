import { money } from '../../../test/support/matching-fixtures';

/** The deal-flow e2e cohort, shared by deal-flow.e2e-spec.ts and deal-flow-meilisearch.e2e-spec.ts. */
const { wan } = money;

/** 无锡 北斗 agri-navigation: mature, patent-rich, 高企 — the hard-tech end of the cohort. */
export const WUXI = {
  legalName: '无锡星航智农导航科技有限公司',
  foundedOn: '2019-06-18',
  regionCode: '320214',
  tracks: ['intelligent_agri_machinery'],
  priorRounds: 2,
  figures: { headcount: 85, techStaff: 32, rdStaff: 27, revenue: wan(4800), rdSpend: wan(420), totalAssets: wan(9000) },
  inventionPatents: 9,
  qualifications: [{ kind: 'high_tech_enterprise', validFrom: '2024-11-06', validUntil: '2027-11-05' }],
  project: {
    title: '北斗农机自动导航 A 轮',
    stage: 'a',
    amountSought: wan(2000),
    instruments: ['equity', 'ip_pledge_loan'],
    keywords: ['北斗导航'],
    trl: 8,
  },
};

/** A university spin-out in 苏州: seed, tiny, two patents — the early end. */
export const SPINOUT = {
  legalName: '苏州纳芯半导体材料有限公司',
  foundedOn: '2025-05-01',
  regionCode: '320506',
  tracks: ['semiconductor_materials'],
  universitySpinOut: true,
  figures: { headcount: 12, techStaff: 9, rdStaff: 9, revenue: wan(50), rdSpend: wan(300), totalAssets: wan(800) },
  inventionPatents: 2,
  project: {
    title: '电子特气提纯 种子轮',
    stage: 'seed',
    amountSought: wan(500),
    instruments: ['equity', 'convertible_grant'],
    keywords: ['高校成果转化'],
    trl: 4,
  },
};

/** Shanghai consumer brand: off-thesis for a hard-tech fund. */
export const TEA = {
  legalName: '上海茶语新消费品牌有限公司',
  regionCode: '310104',
  tracks: ['consumer'],
  project: { title: '新茶饮连锁 天使轮', stage: 'angel', amountSought: wan(1000), instruments: ['equity'] },
};

export const MANDATE = {
  name: '科创直投 · 江苏早期硬科技',
  instruments: ['equity', 'convertible_grant'],
  stages: ['seed', 'angel', 'pre_a', 'a'],
  ticketMin: wan(300),
  ticketMax: wan(3000),
  tracks: ['intelligent_agri_machinery', 'semiconductor_materials'],
  regions: ['32'],
  thesisKeywords: ['北斗导航', '高校成果转化'],
  weights: { early: 2, small: 2, hardTech: 3, innovation: 1, fit: 2 },
  discoverable: true,
};
