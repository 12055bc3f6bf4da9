import { describeSearchContract } from '../search.contract';
import { EmbeddedSearchEngine } from './embedded-engine';

describeSearchContract('embedded (jieba)', async () => new EmbeddedSearchEngine({ segmenter: 'jieba' }));
describeSearchContract('embedded (Intl.Segmenter)', async () => new EmbeddedSearchEngine({ segmenter: 'intl' }));
