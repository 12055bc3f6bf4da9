import { defineErrors } from '@app/platform';

export type StartupsErrorCode =
  | 'STARTUP_NOT_FOUND'
  | 'STARTUP_ORG_KIND_INVALID'
  | 'PROJECT_NOT_FOUND'
  | 'FISCAL_YEAR_NOT_FOUND'
  | 'FISCAL_YEAR_INVALID'
  | 'IP_ITEM_NOT_FOUND'
  | 'IP_ITEM_DUPLICATE'
  | 'QUALIFICATION_NOT_FOUND'
  | 'QUALIFICATION_DATES_INVALID'
  | 'CONFIDENTIAL_ACCESS_REQUIRED'
  | 'VERSION_CONFLICT'
  | 'PROJECT_STATE_INVALID'
  | 'PROJECT_INCOMPLETE'
  | 'TRACK_UNKNOWN'
  | 'INDUSTRY_UNKNOWN'
  | 'STARTUP_CREDIT_CODE_TAKEN'
  | 'DECK_NOT_PDF'
  | 'DECK_TOO_LARGE'
  | 'DECK_MISSING'
  | 'IMPORT_NOT_FOUND'
  | 'IMPORT_FILE_INVALID'
  | 'IMPORT_TOO_LARGE'
  | 'IMPORT_HAS_ERRORS'
  | 'QUALIFICATION_INPUT_INVALID';

export const startupsError = defineErrors<StartupsErrorCode>({
  STARTUP_NOT_FOUND: { status: 404, en: 'Company not found.', zh: '企业不存在。' },
  STARTUP_ORG_KIND_INVALID: {
    status: 403,
    en: 'Only company, university and organizer organizations keep company profiles.',
    zh: '只有企业、高校或主办机构可以维护企业档案。',
  },
  PROJECT_NOT_FOUND: { status: 404, en: 'Project not found.', zh: '项目不存在。' },
  FISCAL_YEAR_NOT_FOUND: { status: 404, en: 'No figures for this year.', zh: '该年度无财务数据。' },
  FISCAL_YEAR_INVALID: { status: 422, en: 'These figures contradict each other.', zh: '年度数据相互矛盾。' },
  IP_ITEM_NOT_FOUND: { status: 404, en: 'IP item not found.', zh: '知识产权条目不存在。' },
  IP_ITEM_DUPLICATE: { status: 409, en: 'This IP number is already listed.', zh: '该知识产权编号已存在。' },
  QUALIFICATION_NOT_FOUND: { status: 404, en: 'Qualification not found.', zh: '资质不存在。' },
  QUALIFICATION_DATES_INVALID: { status: 422, en: 'Valid-until must be after valid-from.', zh: '有效期截止日须晚于起始日。' },
  CONFIDENTIAL_ACCESS_REQUIRED: {
    status: 403,
    en: 'This is confidential company data; ask the company to grant your organization access.',
    zh: '该信息为企业保密信息，请企业向贵机构授权后查看。',
  },
  VERSION_CONFLICT: {
    status: 409,
    en: 'Someone changed this in the meantime; reload and apply your edit again.',
    zh: '内容已被他人修改，请刷新后重新编辑。',
  },
  PROJECT_STATE_INVALID: { status: 409, en: 'The project cannot do that in its current status.', zh: '项目当前状态不允许该操作。' },
  PROJECT_INCOMPLETE: { status: 422, en: 'Fill in the missing fields before publishing.', zh: '请先补全必填信息再发布。' },
  TRACK_UNKNOWN: { status: 400, en: 'Unknown track code.', zh: '未知的赛道代码。' },
  INDUSTRY_UNKNOWN: { status: 400, en: 'Unknown industry for the SME size standard.', zh: '未知的中小企业划型行业。' },
  STARTUP_CREDIT_CODE_TAKEN: {
    status: 409,
    en: 'A company with this credit code already exists.',
    zh: '该统一社会信用代码的企业已存在。',
  },
  DECK_NOT_PDF: { status: 415, en: 'The deck must be a PDF file.', zh: '路演材料须为 PDF 文件。' },
  DECK_TOO_LARGE: { status: 413, en: 'The deck may be at most 20 MB.', zh: '路演材料不得超过 20 MB。' },
  DECK_MISSING: { status: 404, en: 'This project has no deck yet.', zh: '该项目尚未上传路演材料。' },
  IMPORT_NOT_FOUND: { status: 404, en: 'Import not found.', zh: '导入任务不存在。' },
  IMPORT_FILE_INVALID: { status: 400, en: 'The file could not be read as .xlsx or .csv.', zh: '无法读取该文件（须为 .xlsx 或 .csv）。' },
  IMPORT_TOO_LARGE: { status: 413, en: 'The import file is too large.', zh: '导入文件过大。' },
  QUALIFICATION_INPUT_INVALID: {
    status: 422,
    en: 'The company’s figures cannot be evaluated as recorded; correct them first.',
    zh: '企业数据无法用于评价，请先更正。',
  },
  IMPORT_HAS_ERRORS: {
    status: 422,
    en: 'The file has errors; nothing was imported. Fix the listed cells and upload again.',
    zh: '文件存在错误，未导入任何数据。请修改所列单元格后重新上传。',
  },
});
