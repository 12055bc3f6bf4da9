import { describeSearchE2e } from './search-e2e.suite';

describeSearchE2e('embedded');
