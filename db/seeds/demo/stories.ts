import type { IpStatus, IpType } from '@app/reference';
import { DEMO_ORGANIZATIONS } from '../demo-data';
import { ipNumber, withCheckCharacter } from './identifiers';
import type { DemoFiscalYear, DemoIpItem, DemoProject, DemoQualification, DemoStartup } from './types';

/**
 * The stories of the source articles (../shared/seeds), retold as our own fictional companies so a
 * demo walks through what the programmes really do:
 *  (a) an intelligent farm-machinery navigation company pledging 9 invention patents for a ¥9 m loan
 *      (滨科贷, 无锡滨湖);
 *  (b) a semiconductor-materials company offered ¥30 m equity + ¥80 m credit (投贷联动, 山东潍坊);
 *  (c) six university spin-outs from a proof-of-concept centre for the special session where
 *      "6 university projects met 32 VCs" (西湖投融荟);
 *  (d) a 滨科 "金兔" roadshow batch: 5 companies pitching in the 生命健康 and 物联网 themes.
 * Names, people, figures and numbers are invented; only the shapes of the deals are the articles'.
 */

export interface StoryCompany {
  key: string;
  startup: Omit<DemoStartup, 'id'>;
  projects: Omit<DemoProject, 'id' | 'startupId'>[];
}

/** 万元 → 分. */
const wan = (x: number) => Math.round(x * 1_000_000);

function orgCreditCode(key: string): string {
  const org = DEMO_ORGANIZATIONS.find((o) => o.key === key);
  if (!org) throw new Error(`no demo organization ${key}`);
  return withCheckCharacter(org.creditCodeBody);
}

/** One year of figures; money in 万元, as the companies report it to the programmes. */
function fy(
  year: number,
  staff: [headcount: number, techStaff: number, rdStaff: number],
  money: {
    revenue: number;
    main?: number;
    highTech?: number;
    costs: number;
    rd: number;
    rdChina?: number;
    assets: number;
    liabilities: number;
    equity?: number;
  },
): DemoFiscalYear {
  return {
    year,
    headcount: staff[0],
    techStaff: staff[1],
    rdStaff: staff[2],
    revenue: wan(money.revenue),
    mainBusinessRevenue: wan(money.main ?? money.revenue),
    highTechRevenue: wan(money.highTech ?? money.revenue * 0.85),
    totalCosts: wan(money.costs),
    rdSpend: wan(money.rd),
    rdSpendInChina: wan(money.rdChina ?? money.rd),
    totalAssets: wan(money.assets),
    liabilities: wan(money.liabilities),
    newEquityRaised: wan(money.equity ?? 0),
  };
}

/** IP items of one type: [title, filing year, grant date, status?]. Serials are fixed so numbers stay stable. */
function ip(
  type: IpType,
  serialBase: number,
  items: [title: string, filed: number, grantedOn: string, status?: IpStatus][],
): DemoIpItem[] {
  return items.map(([title, filed, grantedOn, status], i) => ({
    type,
    number: ipNumber(type, filed, serialBase + i * 37),
    title,
    status: status ?? 'valid',
    tiedToMainProduct: type !== 'trademark',
    grantedOn,
  }));
}

const q = (
  kind: DemoQualification['kind'],
  certificateNumber: string | null,
  validFrom: string | null,
  validUntil: string | null,
): DemoQualification => ({
  kind,
  certificateNumber,
  validFrom,
  validUntil,
});

const published = (createdAt: string, publishedAt: string) => ({
  status: 'published' as const,
  createdAt,
  publishedAt,
  archivedAt: null,
});

// --- (a) 星航智农: 9 invention patents → ¥9 m IP-pledge loan -----------------------------------------

const xinghang: StoryCompany = {
  key: 'xinghang',
  startup: {
    ownerKey: 'xinghang',
    legalName: '无锡星航智农导航科技有限公司',
    creditCode: orgCreditCode('xinghang'),
    foundedOn: '2019-06-18',
    regionCode: '320211',
    industry: 'industry',
    tracks: ['intelligent_agri_machinery', 'artificial_intelligence'],
    universitySpinOut: false,
    fromPocCenter: false,
    priorRounds: 2,
    yearsInNiche: 6,
    website: 'https://www.xinghang-agri.example.com',
    oneLiner: '北斗高精度农机自动导航，让拖拉机自己走直线',
    createdAt: '2024-03-11T02:15:00.000Z',
    fiscalYears: [
      fy(2023, [86, 31, 24], {
        revenue: 4650,
        main: 4480,
        highTech: 4120,
        costs: 4290,
        rd: 310,
        assets: 9800,
        liabilities: 4100,
      }),
      fy(2024, [91, 34, 27], {
        revenue: 5520,
        main: 5350,
        highTech: 4930,
        costs: 5060,
        rd: 385,
        assets: 11_200,
        liabilities: 4750,
      }),
      fy(2025, [95, 36, 29], {
        revenue: 6180,
        main: 6010,
        highTech: 5600,
        costs: 5640,
        rd: 420,
        assets: 12_600,
        liabilities: 5300,
      }),
    ],
    ipItems: [
      ...ip('invention_patent', 512_301, [
        ['一种基于北斗 RTK 的农机自动导航路径规划方法', 2019, '2021-08-17'],
        ['一种农机组合导航系统的航向角估计方法', 2019, '2021-11-02'],
        ['一种拖拉机自动转向控制方法及系统', 2020, '2022-03-15'],
        ['一种基于机器视觉的作物行识别方法', 2020, '2022-06-21'],
        ['一种农机作业轨迹实时纠偏方法', 2020, '2022-09-06'],
        ['一种插秧机自动驾驶控制方法', 2021, '2023-02-28'],
        ['一种农机具姿态测量装置及方法', 2021, '2023-05-16'],
        ['一种基于多传感器融合的田间障碍物检测方法', 2022, '2024-01-09'],
        ['一种农机作业面积精确计算方法', 2022, '2024-04-23'],
      ]),
      ...ip('utility_model', 733_410, [
        ['一种农机方向盘电机安装支架', 2019, '2020-03-10', 'expired'],
        ['一种北斗接收天线的防震固定装置', 2020, '2020-12-22'],
        ['一种农机导航终端散热结构', 2021, '2021-10-19'],
        ['一种电动方向盘快拆连接装置', 2022, '2022-09-27'],
      ]),
      ...ip('software_copyright', 1_102_233, [
        ['星航农机自动驾驶云平台 V2.0', 2022, '2022-07-04'],
        ['星航农机作业管理 APP V3.1', 2023, '2023-09-18'],
        ['星航北斗导航终端嵌入式软件 V1.5', 2024, '2024-05-30'],
      ]),
      ...ip('trademark', 58_213_440, [['星航智农', 2019, '2020-08-14']]),
    ],
    qualifications: [
      q('high_tech_enterprise', 'GR202132004127', '2021-11-30', '2024-11-29'),
      q('high_tech_enterprise', 'GR202432008815', '2024-12-16', '2027-12-15'),
      q('tech_sme', '2026320211A0001086', '2026-04-12', '2026-12-31'),
      q('innovative_sme', null, '2024-06-01', '2027-05-31'),
    ],
  },
  projects: [
    {
      title: '北斗农机自动导航系统 · 知识产权质押贷款（滨科贷）',
      kind: 'financing_round',
      stage: 'a',
      amountSought: 900_000_000, // ¥9 m
      instruments: ['ip_pledge_loan'],
      useOfFunds:
        '以 9 项发明专利质押申请贷款 900 万元，期限 3 年：约 60% 用于扩充研发团队（引进 10 余名高精度算法工程师），' +
        '30% 用于智能农机驾驶系统云平台迭代，10% 补充流动资金。预计新一代产品研发周期可缩短 3–5 个月。',
      pitch: {
        problem:
          '农村熟练农机手越来越少，大田作业的直线度和接行精度难以保证，重播漏播造成浪费。' +
          '公司是轻资产的研发型企业，研发周期长、投入大，缺少厂房和土地等传统抵押物，难以获得大额贷款。',
        product:
          '智能农机驾驶系统及云平台：为拖拉机、插秧机和收割机加装“智能大脑”，实现自动直线、自动掉头和作业数据上云。目前已在 1000 多台农机上安装使用。',
        technology:
          '北斗 RTK 与惯导组合导航，直线作业误差 ±2.5 cm；自研路径跟踪控制算法适配 30 余种主流车型。已获授权发明专利 9 项，全部与主营产品相关。',
        team: '创始人孙启航，测绘导航专业博士，在卫星导航行业从业 15 年；团队 95 人，其中研发人员 29 人。',
        traction:
          '2025 年营业收入 6180 万元，同比增长 12%；系统累计服务作业面积超过 300 万亩，帮助用户提高稻麦产量与品质。',
        market: '全国拖拉机保有量超过 2000 万台，农机自动驾驶渗透率不足 5%，丘陵山区几乎空白。',
      },
      keywords: ['北斗', '自动驾驶', '智能农机', '知识产权质押', '滨科贷', '精准农业'],
      trl: 8,
      ...published('2026-08-20T01:30:00.000Z', '2026-08-25T02:00:00.000Z'),
    },
    {
      title: '丘陵山区小型智能农机 A+ 轮融资',
      kind: 'financing_round',
      stage: 'a',
      amountSought: wan(3000),
      instruments: ['equity'],
      useOfFunds: '本轮拟融资 3000 万元：丘陵山区机型研发 50%，产线建设 30%，渠道建设 20%。',
      pitch: {
        problem: '丘陵山区地块小而散，大型农机进不去、用不上，机械化率比平原低 30 个百分点以上。',
        product: '可拆分运输的小型电驱智能农机，复用公司北斗导航系统，适配 25° 以下坡地。',
      },
      keywords: ['智能农机', '丘陵山区', '电驱'],
      trl: 5,
      status: 'draft',
      createdAt: '2026-09-28T06:45:00.000Z',
      publishedAt: null,
      archivedAt: null,
    },
  ],
};

// --- (b) 泰星微电子材料: 投贷联动, ¥30 m equity + ¥80 m credit ------------------------------------------

const taixing: StoryCompany = {
  key: 'taixing',
  startup: {
    ownerKey: 'taixing',
    legalName: '潍坊泰星微电子材料有限公司',
    creditCode: orgCreditCode('taixing'),
    foundedOn: '2016-03-08',
    regionCode: '370705',
    industry: 'industry',
    tracks: ['semiconductor_materials', 'new_materials'],
    universitySpinOut: false,
    fromPocCenter: false,
    priorRounds: 2,
    yearsInNiche: 8,
    website: 'https://www.taixing-materials.example.com',
    oneLiner: '国产 KrF/ArF 光刻胶及配套试剂，已通过 12 英寸晶圆厂验证',
    createdAt: '2024-05-06T03:20:00.000Z',
    fiscalYears: [
      fy(2023, [128, 52, 41], {
        revenue: 6800,
        main: 6520,
        highTech: 6100,
        costs: 7350,
        rd: 920,
        assets: 21_000,
        liabilities: 9200,
      }),
      fy(2024, [146, 61, 48], {
        revenue: 8900,
        main: 8640,
        highTech: 8050,
        costs: 9120,
        rd: 1180,
        assets: 26_000,
        liabilities: 11_800,
        equity: 5000,
      }),
      fy(2025, [163, 70, 55], {
        revenue: 12_600,
        main: 12_200,
        highTech: 11_500,
        costs: 12_300,
        rd: 1560,
        rdChina: 1510,
        assets: 33_000,
        liabilities: 15_600,
      }),
    ],
    ipItems: [
      ...ip('invention_patent', 305_117, [
        ['一种 KrF 光刻胶用成膜树脂及其制备方法', 2016, '2019-04-02'],
        ['一种化学放大型光刻胶组合物', 2017, '2019-11-26'],
        ['一种光产酸剂的纯化方法', 2018, '2020-07-14', 'pledged'],
        ['一种低金属离子含量光刻胶的制备方法', 2019, '2021-09-07'],
        ['一种光刻胶显影液及其应用', 2020, '2022-05-24'],
        ['一种 ArF 光刻胶用丙烯酸酯共聚物', 2021, '2023-08-29'],
        ['一种光刻胶批次稳定性在线检测方法', 2022, '2024-06-11'],
        ['一种底部抗反射涂层组合物', 2022, '2024-10-15'],
      ]),
      ...ip('utility_model', 921_880, [
        ['一种光刻胶百级洁净灌装装置', 2019, '2020-02-18'],
        ['一种树脂合成反应釜温控装置', 2020, '2020-11-03'],
        ['一种高纯溶剂过滤系统', 2021, '2021-12-21'],
        ['一种光刻胶涂布均匀性检测工装', 2023, '2023-10-10'],
      ]),
    ],
    qualifications: [
      q('high_tech_enterprise', 'GR202337000912', '2023-12-07', '2026-12-06'),
      q('specialized_sme', null, '2024-01-15', '2026-12-31'),
      q('tech_sme', '2026370705A0000317', '2026-03-28', '2026-12-31'),
      q('provincial_rd_institution', null, '2022-09-01', null), // 山东省光刻材料工程技术研究中心,
    ],
  },
  projects: [
    {
      title: '高端光刻胶国产化产线扩建 · 投贷联动',
      kind: 'financing_round',
      stage: 'b',
      amountSought: wan(3000 + 8000), // ¥110 m in one package
      instruments: ['equity_loan_package'],
      useOfFunds:
        '投贷联动方案：股权投资 3000 万元 + 银行预授信 8000 万元（合计 1.1 亿元）。' +
        '股权资金用于 ArF 光刻胶研发和晶圆厂验证；授信额度用于百吨级产线扩建和原材料备货。',
      pitch: {
        problem:
          '高端光刻胶国产化率不足 10%，晶圆厂急需第二供应源。公司已突破关键技术，但材料导入验证周期长、' +
          '融资渠道单一，又缺少土地厂房等有效抵押，单靠股权或单靠贷款都撑不起产线扩建。',
        product: 'KrF 光刻胶已在 2 家 12 英寸晶圆厂通过验证并小批量供货；ArF 干法光刻胶完成客户送样。',
        technology:
          '自主合成成膜树脂和光产酸剂，金属杂质控制在 ppb 级，批次间关键指标偏差小于 3%。已获授权发明专利 8 项。',
        team: '董事长高远，高分子化学博士，在半导体材料行业从业 18 年；研发团队 55 人，建有省级工程技术研究中心。',
        traction: '2025 年营业收入 1.26 亿元，同比增长 42%；与 5 家晶圆厂和封装厂签订供货或验证协议。',
        market: '国内光刻胶市场规模约 150 亿元，KrF 与 ArF 光刻胶进口依赖度超过 90%。',
        competition: '主要竞争对手为日美厂商，公司在本地化服务和交付周期上具备优势。',
      },
      keywords: ['光刻胶', '半导体材料', '投贷联动', '国产替代', '晶圆厂验证'],
      trl: 7,
      ...published('2026-07-02T08:00:00.000Z', '2026-07-09T01:00:00.000Z'),
    },
  ],
};

// --- (c) 之江理工大学概念验证中心: six spin-outs for the 高校专场 (6 projects, 32 VCs) -------------------

interface SpinOut {
  key: string;
  legalName: string;
  body: string;
  foundedOn: string;
  tracks: string[];
  industry: string;
  oneLiner: string;
  staff: [number, number, number];
  rd: number;
  revenue: number;
  patents: [string, number, string][];
  title: string;
  stage: 'idea' | 'seed' | 'angel';
  grant: number;
  equity?: number;
  pitch: { problem: string; product: string; technology: string; team: string; traction: string };
  keywords: string[];
  trl: number;
}

const SPIN_OUTS: SpinOut[] = [
  {
    key: 'zj-quantum-sensing',
    legalName: '杭州之江量感科技有限公司',
    body: '91330106MA7J0Q011',
    foundedOn: '2024-03-18',
    tracks: ['quantum', 'medical_devices'],
    industry: 'industry',
    oneLiner: '金刚石色心量子磁力计，让心磁图走出屏蔽室',
    staff: [14, 11, 10],
    rd: 420,
    revenue: 60,
    patents: [
      ['一种基于金刚石 NV 色心的弱磁测量方法', 2021, '2023-07-11'],
      ['一种量子磁力计的微波驱动与读出电路', 2022, '2024-02-20'],
    ],
    title: '室温量子磁力计心磁成像系统 · 先投后股',
    stage: 'seed',
    grant: 300,
    equity: 800,
    pitch: {
      problem: '心磁图能比心电图更早发现心肌缺血，但现有设备依赖液氦和磁屏蔽室，只有极少数医院用得起。',
      product: '室温工作的量子磁力计阵列和心磁成像软件，可在普通诊室使用。',
      technology: '金刚石 NV 色心传感与梯度降噪算法，灵敏度达到 fT 级。2 项发明专利由学校作价入股。',
      team: '之江理工大学物理学院教授领衔，核心成员 6 名博士；概念验证中心派驻产业化经理。',
      traction: '完成概念验证和 40 例临床前对照测试，与 2 家三甲医院签订临床研究协议。',
    },
    keywords: ['量子精密测量', '心磁图', '医疗器械'],
    trl: 4,
  },
  {
    key: 'zj-pathology-ai',
    legalName: '杭州澄影医疗科技有限公司',
    body: '91330106MA7J0Q02X',
    foundedOn: '2023-09-05',
    tracks: ['artificial_intelligence', 'medical_devices'],
    industry: 'software_it',
    oneLiner: '多重荧光数字病理 + AI，一张切片看清肿瘤微环境',
    staff: [22, 17, 15],
    rd: 610,
    revenue: 180,
    patents: [
      ['一种多重荧光病理图像的细胞分割方法', 2021, '2023-05-09'],
      ['一种肿瘤免疫微环境的定量评估方法', 2022, '2024-06-18'],
      ['一种病理切片自动对焦扫描方法', 2022, '2024-09-03'],
    ],
    title: '全景数字分子病理平台天使轮 · 先投后股',
    stage: 'angel',
    grant: 500,
    equity: 1500,
    pitch: {
      problem: '免疫治疗需要看清肿瘤微环境，但传统病理一次只能看一两个标志物，医生读片耗时且主观。',
      product: '全景数字分子病理系统：多重荧光染色试剂、扫描仪和 AI 分析软件一体化。',
      technology: '自研细胞分割与空间分析算法，关键指标与人工金标准一致性超过 95%。',
      team: '医学院与计算机学院联合团队，首席科学家为病理学教授，CEO 有 10 年医疗器械产业化经验。',
      traction: '已在 3 家医院开展科研合作，获得首批科研服务订单 180 万元。',
    },
    keywords: ['数字病理', '人工智能', '免疫治疗'],
    trl: 5,
  },
  {
    key: 'zj-flexible-electronics',
    legalName: '杭州柔芯电子材料有限公司',
    body: '91330106MA7J0Q038',
    foundedOn: '2024-01-10',
    tracks: ['new_materials', 'internet_of_things'],
    industry: 'industry',
    oneLiner: '可拉伸导电浆料和电子皮肤传感器',
    staff: [11, 8, 7],
    rd: 280,
    revenue: 0,
    patents: [
      ['一种可拉伸液态金属复合导电浆料及其制备方法', 2021, '2023-10-24'],
      ['一种柔性压力传感阵列的印刷制备方法', 2022, '2024-08-06'],
    ],
    title: '柔性电子皮肤传感材料 · 先投后股',
    stage: 'idea',
    grant: 200,
    pitch: {
      problem: '机器人灵巧手和可穿戴设备需要柔软、可拉伸的触觉传感，现有刚性传感器贴不上、用不久。',
      product: '可拉伸导电浆料和印刷式电子皮肤传感阵列，拉伸 50% 后电阻变化小于 5%。',
      technology: '液态金属与弹性体复合的界面调控技术，可用丝网印刷规模化生产。',
      team: '材料学院青年教授团队，3 名博士、4 名硕士。',
      traction: '完成概念验证，向 2 家机器人企业送样测试。',
    },
    keywords: ['柔性电子', '电子皮肤', '新材料'],
    trl: 3,
  },
  {
    key: 'zj-mrna-delivery',
    legalName: '杭州递明生物科技有限公司',
    body: '91330106MA7J0Q046',
    foundedOn: '2023-11-20',
    tracks: ['biomedicine'],
    industry: 'industry',
    oneLiner: '肝外靶向的 mRNA 递送脂质平台',
    staff: [18, 14, 13],
    rd: 860,
    revenue: 95,
    patents: [
      ['一种可电离脂质化合物及其在核酸递送中的应用', 2020, '2023-03-14'],
      ['一种肺靶向脂质纳米颗粒组合物', 2021, '2023-12-19'],
      ['一种脂质纳米颗粒的微流控制备方法', 2022, '2024-11-05'],
    ],
    title: 'mRNA 肝外递送平台天使轮 · 先投后股',
    stage: 'angel',
    grant: 500,
    equity: 2000,
    pitch: {
      problem: 'mRNA 药物的脂质纳米颗粒大多聚集在肝脏，肺、脾等肝外器官的疾病难以用上 mRNA 疗法。',
      product: '可电离脂质化合物库和肝外靶向递送平台，对外提供合作开发和专利许可。',
      technology: '高通量脂质筛选平台，小鼠模型中肺部递送效率较行业常用配方提升 3 倍。',
      team: '药学院教授领衔，核心成员来自国内外头部 mRNA 企业。',
      traction: '与 1 家创新药企签订合作开发协议，首付款已到账。',
    },
    keywords: ['mRNA', '递送系统', '创新药'],
    trl: 4,
  },
  {
    key: 'zj-onboard-ai',
    legalName: '杭州天衍遥感科技有限公司',
    body: '91330106MA7J0Q054',
    foundedOn: '2024-05-27',
    tracks: ['commercial_aerospace', 'artificial_intelligence'],
    industry: 'software_it',
    oneLiner: '星上 AI 实时处理，遥感图像下传前就完成识别',
    staff: [12, 10, 9],
    rd: 350,
    revenue: 40,
    patents: [['一种星载遥感图像在轨目标检测方法', 2022, '2024-07-16']],
    title: '星载在轨智能处理载荷 · 先投后股',
    stage: 'seed',
    grant: 300,
    pitch: {
      problem: '遥感卫星下传带宽有限，大量图像落地后才处理，灾害监测等场景错过最佳时间。',
      product: '低功耗星载 AI 处理单元和在轨目标识别软件，只下传识别结果和关键切片。',
      technology: '面向抗辐照 FPGA 的模型压缩与容错推理框架。',
      team: '航空航天学院团队，参与过 3 颗微纳卫星研制。',
      traction: '地面验证样机完成，获得一次商业卫星搭载飞行机会。',
    },
    keywords: ['商业航天', '星上智能', '遥感'],
    trl: 4,
  },
  {
    key: 'zj-exoskeleton',
    legalName: '杭州步衡康复机器人有限公司',
    body: '91330106MA7J0Q062',
    foundedOn: '2023-07-03',
    tracks: ['robotics', 'life_health'],
    industry: 'industry',
    oneLiner: '会“读懂”步态意图的下肢外骨骼康复机器人',
    staff: [19, 13, 11],
    rd: 520,
    revenue: 230,
    patents: [
      ['一种基于肌电信号的步态意图识别方法', 2020, '2022-11-29'],
      ['一种下肢外骨骼自适应助力控制方法', 2021, '2023-09-12'],
    ],
    title: '下肢外骨骼康复机器人天使轮 · 先投后股',
    stage: 'angel',
    grant: 400,
    equity: 1200,
    pitch: {
      problem: '脑卒中患者康复需要大量步态训练，康复治疗师严重不足，患者常错过黄金康复期。',
      product: '医用下肢外骨骼康复机器人，一名治疗师可同时指导 3 名患者训练。',
      technology: '肌电与惯性传感融合的步态意图识别，自适应助力控制减少代偿步态。',
      team: '机械工程学院与附属医院康复科联合团队。',
      traction: '在 2 家医院完成 60 例临床试用，已启动二类医疗器械注册。',
    },
    keywords: ['外骨骼', '康复机器人', '医疗器械'],
    trl: 6,
  },
];

const spinOuts: StoryCompany[] = SPIN_OUTS.map((s, n) => ({
  key: s.key,
  startup: {
    ownerKey: 'zhijiang-poc',
    legalName: s.legalName,
    creditCode: withCheckCharacter(s.body),
    foundedOn: s.foundedOn,
    regionCode: '330106',
    industry: s.industry,
    tracks: s.tracks,
    universitySpinOut: true,
    fromPocCenter: true,
    priorRounds: 0,
    yearsInNiche: 2,
    website: null,
    oneLiner: s.oneLiner,
    createdAt: `2026-0${4 + (n % 3)}-1${n}T02:00:00.000Z`,
    fiscalYears: [
      fy(2025, s.staff, {
        revenue: s.revenue,
        costs: Math.max(s.revenue, s.rd * 1.6),
        rd: s.rd,
        assets: s.rd * 2 + s.grant,
        liabilities: Math.round(s.rd * 0.3),
        highTech: s.revenue,
      }),
    ],
    ipItems: ip('invention_patent', 620_450 + n * 1_000, s.patents),
    qualifications: [q('tech_sme', `2026330106B${String(2_100 + n).padStart(7, '0')}`, '2026-05-20', '2026-12-31')],
  },
  projects: [
    {
      title: s.title,
      kind: 'financing_round',
      stage: s.stage,
      amountSought: wan(s.grant + (s.equity ?? 0)),
      instruments: s.equity ? ['convertible_grant', 'equity'] : ['convertible_grant'],
      useOfFunds: s.equity
        ? `先投后股 ${s.grant} 万元（下一轮融资时按约定转为股权）+ 股权融资 ${s.equity} 万元：工程样机 50%，临床或客户验证 30%，团队 20%。`
        : `先投后股 ${s.grant} 万元，下一轮融资时按约定转为股权：工程样机 60%，客户验证 40%。`,
      pitch: s.pitch,
      keywords: [...s.keywords, '高校成果', '概念验证', '投融荟高校专场'],
      trl: s.trl,
      ...published(`2026-09-0${n + 1}T02:00:00.000Z`, `2026-09-1${n}T02:00:00.000Z`),
    },
  ],
}));

// --- (d) 滨科“金兔”路演: 5 companies, 生命健康 and 物联网 themes (organizer-kept profiles) ----------------

interface JintuCompany {
  key: string;
  legalName: string;
  body: string;
  foundedOn: string;
  tracks: string[];
  industry: string;
  oneLiner: string;
  years: [DemoFiscalYear, DemoFiscalYear];
  ipItems: DemoIpItem[];
  qualifications: DemoQualification[];
  priorRounds: number;
  title: string;
  stage: 'angel' | 'pre_a' | 'a';
  amount: number;
  pitch: DemoProject['pitch'];
  keywords: string[];
  trl: number;
}

const JINTU: JintuCompany[] = [
  {
    key: 'jintu-digital-therapy',
    legalName: '无锡蠡康数字医疗科技有限公司',
    body: '91320211MA7K0T012',
    foundedOn: '2021-04-16',
    tracks: ['life_health', 'artificial_intelligence'],
    industry: 'software_it',
    oneLiner: '糖尿病数字疗法，把医生的随访搬到患者手机上',
    years: [
      fy(2024, [38, 21, 17], { revenue: 860, costs: 1320, rd: 410, assets: 1900, liabilities: 420 }),
      fy(2025, [46, 26, 21], { revenue: 1480, costs: 1850, rd: 520, assets: 2600, liabilities: 560, equity: 1000 }),
    ],
    ipItems: [
      ...ip('invention_patent', 441_020, [['一种基于连续血糖数据的个性化干预推荐方法', 2021, '2023-11-07']]),
      ...ip('software_copyright', 1_530_220, [
        ['蠡康慢病管理平台 V2.0', 2022, '2022-10-12'],
        ['蠡康患者端小程序 V1.3', 2023, '2023-06-26'],
        ['蠡康医生工作站软件 V1.0', 2024, '2024-03-19'],
      ]),
    ],
    qualifications: [
      q('tech_sme', '2026320211A0002311', '2026-04-02', '2026-12-31'),
      q('innovative_sme', null, '2025-05-10', '2028-05-09'),
    ],
    priorRounds: 1,
    title: '糖尿病数字疗法 Pre-A 轮融资',
    stage: 'pre_a',
    amount: wan(2000),
    pitch: {
      problem: '我国糖尿病患者超过 1.4 亿，院外管理依从性差，基层医生没有时间做持续随访。',
      product: '处方级糖尿病数字疗法：血糖、饮食和运动数据自动采集，AI 生成个性化干预方案，医生端一屏随访。',
      technology: '基于行为医学的干预算法，已完成 300 例随机对照试验，糖化血红蛋白平均下降 0.8%。',
      team: '创始人为内分泌科医生出身，团队 46 人，其中研发人员 21 人。',
      traction: '2025 年营业收入 1480 万元，同比增长 72%；已进入 26 家医院和 3 家商业保险公司。',
    },
    keywords: ['数字疗法', '慢病管理', '生命健康', '金兔路演'],
    trl: 7,
  },
  {
    key: 'jintu-ivf-platform',
    legalName: '无锡太湖晶准生物科技有限公司',
    body: '91320211MA7K0T020',
    foundedOn: '2020-08-25',
    tracks: ['biomedicine', 'life_health'],
    industry: 'industry',
    oneLiner: '辅助生殖全周期智能化管理平台与胚胎评估试剂',
    years: [
      fy(2024, [52, 24, 19], { revenue: 2350, costs: 2600, rd: 380, assets: 4100, liabilities: 1300 }),
      fy(2025, [61, 29, 23], { revenue: 3120, costs: 3300, rd: 470, assets: 5200, liabilities: 1650 }),
    ],
    ipItems: [
      ...ip('invention_patent', 447_710, [
        ['一种基于时差成像的胚胎发育潜能评估方法', 2020, '2022-12-13'],
        ['一种胚胎培养液及其制备方法', 2021, '2023-08-22'],
      ]),
      ...ip('utility_model', 826_300, [['一种胚胎培养箱温湿度监测装置', 2022, '2022-11-15']]),
    ],
    qualifications: [q('high_tech_enterprise', 'GR202332006634', '2023-12-13', '2026-12-12')],
    priorRounds: 2,
    title: '辅助生殖全周期管理平台 A 轮融资',
    stage: 'a',
    amount: wan(5000),
    pitch: {
      problem: '辅助生殖流程长、数据分散，胚胎选择依赖胚胎师经验，临床妊娠率差异大。',
      product: '覆盖促排、取卵、胚胎培养和随访的全周期管理平台，配套胚胎评估 AI 和培养液。',
      technology: '时差成像与深度学习结合的胚胎评估模型，在 5 家中心回顾验证中优于人工评分。',
      team: '创始团队来自生殖医学中心和体外诊断企业，团队 61 人。',
      traction: '2025 年营业收入 3120 万元，平台已在 18 家生殖中心上线。',
    },
    keywords: ['辅助生殖', '生物医药', '生命健康', '金兔路演'],
    trl: 7,
  },
  {
    key: 'jintu-portable-ultrasound',
    legalName: '无锡山水城医学影像科技有限公司',
    body: '91320211MA7K0T039',
    foundedOn: '2019-11-02',
    tracks: ['medical_devices', 'life_health'],
    industry: 'industry',
    oneLiner: '1 kg 的掌上超声，基层和急救都能用',
    years: [
      fy(2024, [74, 35, 28], { revenue: 4200, costs: 4500, rd: 690, assets: 6800, liabilities: 2500 }),
      fy(2025, [83, 40, 32], { revenue: 5350, costs: 5500, rd: 780, assets: 8100, liabilities: 2900 }),
    ],
    ipItems: [
      ...ip('invention_patent', 452_190, [
        ['一种便携式超声成像的波束合成方法', 2019, '2021-10-26'],
        ['一种超声探头阵元故障自检方法', 2020, '2022-07-05'],
        ['一种基于深度学习的超声切面自动识别方法', 2021, '2023-09-26'],
      ]),
      ...ip('design', 355_870, [['掌上超声主机（外观）', 2021, '2021-12-07']]),
      ...ip('utility_model', 829_100, [['一种超声探头防水密封结构', 2020, '2020-10-13', 'pledged']]),
    ],
    qualifications: [
      q('high_tech_enterprise', 'GR202232003318', '2022-11-18', '2025-11-17'),
      q('high_tech_enterprise', 'GR202532007702', '2025-12-04', '2028-12-03'),
      q('specialized_sme', null, '2025-03-01', '2028-02-28'),
    ],
    priorRounds: 2,
    title: '掌上超声 A 轮融资',
    stage: 'a',
    amount: wan(6000),
    pitch: {
      problem: '基层医疗机构和急救现场缺少影像设备，台式超声贵、重、不便移动。',
      product: '掌上无线超声：整机不足 1 kg，连接手机或平板即可成像，内置 AI 切面引导。',
      technology: '自研超声前端芯片和波束合成算法，整机功耗降低 60%。已取得二类医疗器械注册证。',
      team: '创始人在国际医疗影像企业从事超声研发 15 年，团队 83 人。',
      traction: '2025 年营业收入 5350 万元，产品进入 1200 余家基层医疗机构。',
    },
    keywords: ['便携超声', '医疗器械', '生命健康', '金兔路演'],
    trl: 8,
  },
  {
    key: 'jintu-mems-gas',
    legalName: '无锡雪浪物联传感技术有限公司',
    body: '91320211MA7K0T047',
    foundedOn: '2020-02-14',
    tracks: ['internet_of_things', 'integrated_circuits'],
    industry: 'industry',
    oneLiner: '毫瓦级 MEMS 气体传感器，燃气报警和智能家居都能装',
    years: [
      fy(2024, [45, 22, 18], { revenue: 1950, costs: 2150, rd: 420, assets: 3600, liabilities: 1100 }),
      fy(2025, [57, 28, 23], { revenue: 2880, costs: 2960, rd: 560, assets: 4700, liabilities: 1500, equity: 1500 }),
    ],
    ipItems: [
      ...ip('invention_patent', 458_300, [
        ['一种 MEMS 微热板气体传感器及其制备方法', 2020, '2022-08-16'],
        ['一种气体传感器温漂补偿方法', 2021, '2023-06-06'],
      ]),
      ...ip('utility_model', 830_550, [
        ['一种传感器防尘透气封装结构', 2021, '2021-09-14'],
        ['一种多通道气体检测模组', 2022, '2022-12-27'],
      ]),
      ...ip('ic_layout', 205_440, [['低功耗气体传感读出电路', 2023, '2023-11-21']]),
    ],
    qualifications: [
      q('high_tech_enterprise', 'GR202432004471', '2024-12-02', '2027-12-01'),
      q('tech_sme', '2026320211A0002398', '2026-04-15', '2026-12-31'),
    ],
    priorRounds: 1,
    title: 'MEMS 气体传感器产线 Pre-A 轮融资',
    stage: 'pre_a',
    amount: wan(3000),
    pitch: {
      problem: '家用燃气报警器强制安装带来千万级需求，但低功耗气体传感器芯片长期依赖进口。',
      product: '功耗低于 1 mW 的 MEMS 甲烷和一氧化碳传感器，电池供电可工作 5 年。',
      technology: '自研 MEMS 微热板工艺和读出芯片，温漂补偿后精度满足国标要求。',
      team: '核心团队来自 MEMS 代工厂和传感器龙头企业，团队 57 人。',
      traction: '2025 年营业收入 2880 万元，出货量超过 300 万颗。',
    },
    keywords: ['MEMS', '气体传感器', '物联网', '金兔路演'],
    trl: 8,
  },
  {
    key: 'jintu-smart-water',
    legalName: '无锡滨湖智水物联科技有限公司',
    body: '91320211MA7K0T055',
    foundedOn: '2018-06-30',
    tracks: ['internet_of_things', 'environmental_protection'],
    industry: 'software_it',
    oneLiner: '供水管网漏损监测，听得见地下的漏水声',
    years: [
      fy(2024, [68, 30, 24], { revenue: 3900, costs: 3700, rd: 520, assets: 5600, liabilities: 2300 }),
      fy(2025, [72, 33, 26], { revenue: 4480, costs: 4150, rd: 590, assets: 6300, liabilities: 2500 }),
    ],
    ipItems: [
      ...ip('invention_patent', 463_880, [['一种基于声波相关分析的管网漏点定位方法', 2019, '2021-12-21']]),
      ...ip('software_copyright', 1_544_900, [
        ['智水管网漏损分析平台 V3.0', 2021, '2021-08-09'],
        ['智水 NB-IoT 水表管理系统 V2.2', 2022, '2022-05-17'],
      ]),
      ...ip('utility_model', 834_020, [['一种管道噪声记录仪', 2020, '2020-12-01', 'expired']]),
    ],
    qualifications: [
      q('high_tech_enterprise', 'GR202132002285', '2021-11-30', '2024-11-29'),
      q('tech_sme', '2025320211A0001933', '2025-04-21', '2025-12-31'),
    ],
    priorRounds: 2,
    title: '智慧水务漏损监测 A 轮融资',
    stage: 'a',
    amount: wan(4000),
    pitch: {
      problem: '城市供水管网平均漏损率超过 10%，漏点藏在地下，人工听漏效率低。',
      product: 'NB-IoT 噪声记录仪和智能水表加漏损分析平台，自动圈定疑似漏点。',
      technology: '声波相关分析与分区计量结合的漏点定位算法，定位误差小于 1 米。',
      team: '创始人曾任水务集团信息中心主任，团队 72 人。',
      traction: '2025 年营业收入 4480 万元，服务 9 个城市的供水企业，帮助客户漏损率平均下降 3 个百分点。',
    },
    keywords: ['智慧水务', '物联网', '漏损监测', '金兔路演'],
    trl: 8,
  },
];

const jintu: StoryCompany[] = JINTU.map((c, n) => ({
  key: c.key,
  startup: {
    ownerKey: 'binhu-organizer',
    legalName: c.legalName,
    creditCode: withCheckCharacter(c.body),
    foundedOn: c.foundedOn,
    regionCode: '320211',
    industry: c.industry,
    tracks: c.tracks,
    universitySpinOut: false,
    fromPocCenter: false,
    priorRounds: c.priorRounds,
    yearsInNiche: 2025 - Number(c.foundedOn.slice(0, 4)),
    website: null,
    oneLiner: c.oneLiner,
    createdAt: `2026-02-0${n + 2}T01:00:00.000Z`,
    fiscalYears: c.years,
    ipItems: c.ipItems,
    qualifications: c.qualifications,
  },
  projects: [
    {
      title: c.title,
      kind: 'financing_round',
      stage: c.stage,
      amountSought: c.amount,
      instruments: ['equity'],
      useOfFunds: `本轮拟融资 ${c.amount / 1_000_000} 万元：研发投入 40%，市场拓展 30%，产能建设 20%，补充流动资金 10%。`,
      pitch: c.pitch,
      keywords: c.keywords,
      trl: c.trl,
      ...published(`2026-02-1${n}T03:00:00.000Z`, '2026-02-20T01:00:00.000Z'),
    },
  ],
}));

export const STORY_COMPANIES: readonly StoryCompany[] = [xinghang, taixing, ...spinOuts, ...jintu];

/** The credit code whose presence means "the demo companies are already loaded". */
export const DEMO_SENTINEL_CREDIT_CODE = xinghang.startup.creditCode;

/**
 * The two batches the stories were written for, as plain data for the roadshow and meetings demo:
 * which organizer runs them, their themes and which story companies pitch.
 */
export const DEMO_BATCHES = [
  {
    key: 'jintu-2026-spring',
    organizerKey: 'binhu-organizer',
    title: '滨科“金兔”路演计划 2026 · 第一场',
    sessions: [
      {
        theme: 'life_health',
        title: '生命健康专场',
        companies: ['jintu-digital-therapy', 'jintu-ivf-platform', 'jintu-portable-ultrasound'],
      },
      { theme: 'internet_of_things', title: '物联网专场', companies: ['jintu-mems-gas', 'jintu-smart-water'] },
    ],
  },
  {
    key: 'xihu-university-special',
    organizerKey: 'xihu-alliance',
    title: '西湖投融荟 · 高校成果专场（6 个高校项目对接 32 家创投机构）',
    invitedInvestors: 32,
    sessions: [{ theme: 'university', title: '高校成果专场', companies: SPIN_OUTS.map((s) => s.key) }],
  },
] as const;
