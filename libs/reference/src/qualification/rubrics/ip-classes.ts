import type { IpStatus, IpType } from '../types';

/**
 * Ⅰ类 / Ⅱ类 intellectual property as the 科技型中小企业评价办法 (2022) and the 优质中小企业梯度培育
 * standards (2022) define them. Trademarks belong to neither class, so they never earn points.
 */
export interface IpClassRubric {
  readonly id: string;
  readonly version: string;
  readonly classI: readonly IpType[];
  readonly classII: readonly IpType[];
  /** Statuses under which the right is still in force. A pledged patent is still owned and valid — pledging is how 滨科贷-style IP loans work. */
  readonly inForceStatuses: readonly IpStatus[];
}

export const IP_CLASSES_2022: IpClassRubric = {
  id: 'ip-classes',
  version: '2022',
  classI: ['invention_patent', 'new_plant_variety', 'national_new_drug', 'protected_tcm_1', 'ic_layout'],
  classII: ['utility_model', 'design', 'software_copyright'],
  inForceStatuses: ['valid', 'pledged'],
};
