/**
 * Demo mandates and credit products, one per story in the source articles: 西湖's 科创直投 (early,
 * small, university projects first), a district guidance fund with 返投, an angel fund, and 江南科创银行's
 * 创新积分贷, 知识产权质押贷 and 科技成果转化贷 — plus the 投贷联动 package that links the angel fund to the
 * bank's IP-pledge loan.
 */
import type { CreateMandateDto } from '@app/funds';

const WAN = 1_000_000; // ¥10 000 in 分

export interface DemoMandate {
  orgKey: string;
  /** Name of another demo mandate whose id goes into `linkedMandateId` (投贷联动). */
  linkTo?: string;
  dto: CreateMandateDto;
}

const HARD_TECH = [
  'integrated_circuits',
  'semiconductor_materials',
  'new_materials',
  'artificial_intelligence',
  'biomedicine',
  'medical_devices',
  'quantum',
  'robotics',
  'high_end_equipment',
  'intelligent_agri_machinery',
];

export const DEMO_MANDATES: DemoMandate[] = [
  {
    orgKey: 'jiangnan-bank',
    dto: {
      name: '知识产权质押贷',
      instruments: ['ip_pledge_loan'],
      ticketMin: 100 * WAN,
      ticketMax: 3000 * WAN,
      creditProduct: 'ip_pledge_loan',
      minPledgeableInventionPatents: 3,
      preferredRegions: ['3202'],
      thesis: '以有效且未质押的发明专利为质押物，最长三年，随借随还。',
      weights: { early: 0, small: 1, hardTech: 3, innovation: 2, fit: 1 },
      discoverable: true,
    },
  },
  {
    orgKey: 'jiangnan-bank',
    dto: {
      name: '创新积分贷',
      instruments: ['loan'],
      ticketMin: 100 * WAN,
      ticketMax: 1000 * WAN,
      creditProduct: 'innovation_points_loan',
      minInnovationScore: 60,
      requiredQualifications: ['tech_sme'],
      thesis: '依据企业创新积分授信，信用方式、无需抵押。',
      weights: { early: 1, small: 2, hardTech: 2, innovation: 4, fit: 1 },
      discoverable: true,
    },
  },
  {
    orgKey: 'jiangnan-bank',
    dto: {
      name: '科技成果转化贷',
      instruments: ['loan'],
      ticketMin: 50 * WAN,
      ticketMax: 500 * WAN,
      creditProduct: 'tech_transfer_loan',
      maxCompanyAgeYears: 5,
      minTrl: 4,
      thesisKeywords: ['高校成果转化', '概念验证', '成果转化'],
      thesis: '支持高校院所科技成果在本地转化落地的初创企业。',
      weights: { early: 3, small: 2, hardTech: 2, innovation: 1, fit: 2 },
      discoverable: true,
    },
  },
  {
    orgKey: 'xihu-fund',
    dto: {
      name: '科创直投 · 高校成果转化早期专项',
      instruments: ['equity', 'convertible_grant'],
      stages: ['idea', 'seed', 'angel', 'pre_a'],
      ticketMin: 100 * WAN,
      ticketMax: 2000 * WAN,
      tracks: HARD_TECH,
      preferredRegions: ['3301'],
      maxCompanyAgeYears: 6,
      thesisKeywords: ['高校成果转化', '概念验证', '国产替代'],
      thesis: '投早、投小、投硬科技：优先高校院所成果转化项目，先投后股、直投联动。',
      weights: { early: 3, small: 2, hardTech: 3, innovation: 1, fit: 1 },
      discoverable: true,
    },
  },
  {
    orgKey: 'xihu-fund',
    dto: {
      name: '西溪成长基金 · 硬科技 A 轮',
      instruments: ['equity'],
      stages: ['pre_a', 'a', 'b'],
      ticketMin: 1000 * WAN,
      ticketMax: 8000 * WAN,
      tracks: HARD_TECH,
      minRdIntensityBp: 500,
      minClassIIp: 2,
      thesis: '研发投入强度不低于 5%、拥有核心发明专利的成长期硬科技企业。',
      weights: { early: 1, small: 1, hardTech: 4, innovation: 2, fit: 2 },
      discoverable: false,
    },
  },
  {
    orgKey: 'binhu-guidance',
    dto: {
      name: '滨湖区科创引导基金（返投）',
      instruments: ['equity'],
      stages: ['angel', 'pre_a', 'a', 'b'],
      ticketMin: 500 * WAN,
      ticketMax: 5000 * WAN,
      regions: ['3202'],
      preferredRegions: ['320211'],
      requiredQualifications: ['tech_sme'],
      thesis: '子基金须在无锡市返投；优先滨湖区科技型中小企业与专精特新企业。',
      weights: { early: 2, small: 2, hardTech: 3, innovation: 1, fit: 2 },
      discoverable: true,
    },
  },
  {
    orgKey: 'taihu-angel',
    dto: {
      name: '太湖天使 · 硬科技天使',
      instruments: ['equity', 'convertible_grant'],
      stages: ['seed', 'angel'],
      ticketMin: 50 * WAN,
      ticketMax: 800 * WAN,
      tracks: [
        'robotics',
        'artificial_intelligence',
        'low_altitude_economy',
        'intelligent_agri_machinery',
        'internet_of_things',
      ],
      preferredRegions: ['3202', '3205'],
      exclusions: { keywords: ['新茶饮'] },
      thesisKeywords: ['具身智能', '北斗导航', '低空'],
      weights: { early: 3, small: 3, hardTech: 2, innovation: 1, fit: 1 },
      discoverable: true,
    },
  },
  {
    orgKey: 'taihu-angel',
    linkTo: '知识产权质押贷',
    dto: {
      name: '投贷联动 · 太湖天使 × 江南科创银行',
      instruments: ['equity_loan_package'],
      stages: ['angel', 'pre_a', 'a'],
      ticketMin: 500 * WAN,
      ticketMax: 5000 * WAN,
      tracks: HARD_TECH,
      thesis: '股权投资与知识产权质押贷款联动：基金领投，银行同步授信。',
      weights: { early: 2, small: 2, hardTech: 3, innovation: 1, fit: 2 },
      discoverable: true,
    },
  },
];
