import { defineErrors } from '@app/platform';
import type { SearchErrorCode } from '../port';

/**
 * The search port's error codes as API errors. Query problems are 400 with `details.field` (the
 * request parameter at fault); an engine that cannot answer is 503 (retry later).
 */
export type SearchApiErrorCode = SearchErrorCode;

export const searchError = defineErrors<SearchApiErrorCode>({
  SEARCH_FILTER_ATTRIBUTE_NOT_FILTERABLE: {
    status: 400,
    en: 'This filter is not available for this kind of search.',
    zh: '该类型的搜索不支持此筛选条件。',
  },
  SEARCH_FACET_ATTRIBUTE_NOT_FILTERABLE: {
    status: 400,
    en: 'This facet is not available for this kind of search.',
    zh: '该类型的搜索不支持此分面统计。',
  },
  SEARCH_SORT_ATTRIBUTE_NOT_SORTABLE: {
    status: 400,
    en: 'This sort order is not available for this kind of search.',
    zh: '该类型的搜索不支持此排序方式。',
  },
  SEARCH_FILTER_INVALID: { status: 400, en: 'The search filter is invalid.', zh: '搜索筛选条件无效。' },
  SEARCH_PAGINATION_INVALID: { status: 400, en: 'The page or limit is out of range.', zh: '分页参数超出范围。' },
  SEARCH_QUERY_INVALID: { status: 400, en: 'The search query is invalid.', zh: '搜索关键词无效。' },
  SEARCH_DOCUMENT_INVALID: { status: 400, en: 'A search document is invalid.', zh: '搜索文档无效。' },
  SEARCH_SETTINGS_INVALID: { status: 400, en: 'The search index settings are invalid.', zh: '搜索索引设置无效。' },
  SEARCH_INDEX_NOT_FOUND: {
    status: 503,
    en: 'The search index is not ready yet; try again shortly.',
    zh: '搜索索引尚未就绪，请稍后重试。',
  },
  SEARCH_UNAVAILABLE: {
    status: 503,
    en: 'Search is temporarily unavailable; try again shortly.',
    zh: '搜索服务暂不可用，请稍后重试。',
  },
  SEARCH_TASK_TIMEOUT: {
    status: 503,
    en: 'The search engine did not finish in time; try again shortly.',
    zh: '搜索引擎处理超时，请稍后重试。',
  },
  SEARCH_TASK_FAILED: {
    status: 503,
    en: 'The search engine failed a task; try again shortly.',
    zh: '搜索引擎任务失败，请稍后重试。',
  },
});
