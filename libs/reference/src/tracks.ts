/**
 * 赛道 reference list. `nqp` marks the 新质生产力 / strategic emerging industries (战略性新兴产业
 * and 未来产业) that count towards "hard tech"; the list is data, revised without code changes.
 */
export interface Track {
  code: string;
  zh: string;
  en: string;
  nqp: boolean;
}

export const TRACKS: readonly Track[] = [
  { code: 'integrated_circuits', zh: '集成电路', en: 'Integrated circuits', nqp: true },
  { code: 'semiconductor_materials', zh: '半导体材料', en: 'Semiconductor materials', nqp: true },
  { code: 'artificial_intelligence', zh: '人工智能', en: 'Artificial intelligence', nqp: true },
  { code: 'biomedicine', zh: '生物医药', en: 'Biomedicine', nqp: true },
  { code: 'medical_devices', zh: '高端医疗器械', en: 'Medical devices', nqp: true },
  { code: 'new_materials', zh: '新材料', en: 'New materials', nqp: true },
  { code: 'high_end_equipment', zh: '高端装备', en: 'High-end equipment', nqp: true },
  { code: 'intelligent_agri_machinery', zh: '智能农机', en: 'Intelligent agricultural machinery', nqp: true },
  { code: 'new_energy', zh: '新能源', en: 'New energy', nqp: true },
  { code: 'new_energy_vehicles', zh: '新能源汽车', en: 'New-energy vehicles', nqp: true },
  { code: 'energy_storage', zh: '新型储能', en: 'Energy storage', nqp: true },
  { code: 'commercial_aerospace', zh: '商业航天', en: 'Commercial aerospace', nqp: true },
  { code: 'low_altitude_economy', zh: '低空经济', en: 'Low-altitude economy', nqp: true },
  { code: 'quantum', zh: '量子科技', en: 'Quantum technology', nqp: true },
  { code: 'robotics', zh: '机器人', en: 'Robotics', nqp: true },
  { code: 'internet_of_things', zh: '物联网', en: 'Internet of Things', nqp: true },
  { code: 'industrial_software', zh: '工业软件', en: 'Industrial software', nqp: true },
  { code: 'new_generation_it', zh: '新一代信息技术', en: 'Next-generation IT', nqp: true },
  { code: 'environmental_protection', zh: '节能环保', en: 'Energy saving & environment', nqp: true },
  { code: 'life_health', zh: '生命健康', en: 'Life & health', nqp: true },
  { code: 'enterprise_services', zh: '企业服务', en: 'Enterprise services', nqp: false },
  { code: 'consumer', zh: '消费', en: 'Consumer', nqp: false },
  { code: 'culture_creative', zh: '文化创意', en: 'Culture & creative', nqp: false },
  { code: 'modern_agriculture', zh: '现代农业', en: 'Modern agriculture', nqp: false },
  { code: 'fintech', zh: '金融科技', en: 'Fintech', nqp: false },
];

export const TRACK_CODES = TRACKS.map((t) => t.code);
