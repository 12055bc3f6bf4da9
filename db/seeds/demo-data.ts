import type { OrganizationKind, OrganizerType } from '@app/identity';

/**
 * Demo organizations and their first users, fictional but drawn from the source articles
 * (../shared/seeds): 无锡滨湖's 金兔 roadshows and IP-pledge loans, 西湖's 科创直投, 山东's 投贷联动
 * for a semiconductor-materials company, the 创新积分贷 bank product, university spin-outs.
 */
export const DEMO_PASSWORD = 'Tourong-demo-2026';

export interface DemoOrganization {
  key: string;
  kind: OrganizationKind;
  organizerType?: OrganizerType;
  name: string;
  /** First 17 characters of a fictional 统一社会信用代码; the check character is computed. */
  creditCodeBody: string;
  regionCode: string;
  owner: { email: string; displayName: string; locale?: 'zh-CN' | 'en' };
  members?: { email: string; displayName: string; role: 'admin' | 'member' }[];
  verified?: boolean;
}

export const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  {
    key: 'binhu-organizer',
    kind: 'organizer',
    organizerType: 'government_agency',
    name: '滨湖区科技金融服务中心（金兔路演计划）',
    creditCodeBody: '11320211MB0A00001',
    regionCode: '320211',
    owner: { email: 'organizer@binhu.demo', displayName: '周岚（路演主办）' },
    members: [{ email: 'staff@binhu.demo', displayName: '陈晓（路演执行）', role: 'member' }],
    verified: true,
  },
  {
    // A capital alliance (资本联盟) of VCs, banks and brokers; it runs 投融荟 matchmaking sessions and
    // keeps profiles of the companies in them, like the district's 投融荟 in the source articles.
    key: 'xihu-alliance',
    kind: 'organizer',
    organizerType: 'alliance',
    name: '西湖区投融荟资本联盟',
    creditCodeBody: '51330106MJ8A00008',
    regionCode: '330106',
    owner: { email: 'organizer@xihu-alliance.demo', displayName: '沈佳（投融荟秘书处）' },
    verified: true,
  },
  {
    key: 'xihu-fund',
    kind: 'fund',
    name: '西溪科创直投基金管理有限公司',
    creditCodeBody: '91330106MA2H00002',
    regionCode: '330106',
    owner: { email: 'investor@xixi-vc.demo', displayName: '王涛（投资总监）' },
    members: [{ email: 'analyst@xixi-vc.demo', displayName: '刘畅（投资经理）', role: 'member' }],
    verified: true,
  },
  {
    key: 'taihu-angel',
    kind: 'fund',
    name: '太湖天使创业投资合伙企业（有限合伙）',
    creditCodeBody: '91320211MA1X00003',
    regionCode: '320211',
    owner: { email: 'partner@taihu-angel.demo', displayName: 'Grace Lin', locale: 'en' },
    verified: true,
  },
  {
    key: 'jiangnan-bank',
    kind: 'bank',
    name: '江南科创银行滨湖科技支行',
    creditCodeBody: '91320211MA1Y00004',
    regionCode: '320211',
    owner: { email: 'banker@jiangnan-bank.demo', displayName: '赵敏（科技金融客户经理）' },
    verified: true,
  },
  {
    // A district guidance fund (政府引导基金): invests through its mandate only where the money comes
    // back to the district (返投), and only in certified 科技型中小企业.
    key: 'binhu-guidance',
    kind: 'fund',
    name: '无锡市滨湖区科技创新引导基金',
    creditCodeBody: '91320211MA1W00005',
    regionCode: '320211',
    owner: { email: 'guidance@binhu.demo', displayName: '钱程（引导基金管理人）' },
    verified: true,
  },
  {
    key: 'xinghang',
    kind: 'startup',
    name: '无锡星航智农导航科技有限公司',
    creditCodeBody: '91320211MA2B00005',
    regionCode: '320211',
    owner: { email: 'founder@xinghang.demo', displayName: '孙启航（创始人）' },
  },
  {
    key: 'taixing',
    kind: 'startup',
    name: '潍坊泰星微电子材料有限公司',
    creditCodeBody: '91370700MA3C00006',
    regionCode: '370705',
    owner: { email: 'founder@taixing.demo', displayName: '高远（董事长）' },
  },
  {
    key: 'zhijiang-poc',
    kind: 'university',
    name: '之江理工大学概念验证中心',
    creditCodeBody: '12330106MB1D00007',
    regionCode: '330106',
    owner: { email: 'tto@zhijiang.demo', displayName: '林教授（技术转移办公室）' },
  },
];

export const DEMO_PLATFORM_ADMIN = { email: 'admin@tourong.demo', displayName: '平台运营' };
