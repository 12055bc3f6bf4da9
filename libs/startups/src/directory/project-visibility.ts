import type { Principal } from '@app/identity';
import type { ProjectStatus } from '@app/reference';

type Seen = { status: ProjectStatus | string; organizationId: string };
type Viewer = Pick<Principal, 'organizationId' | 'isPlatformAdmin'>;

const owns = (viewer: Viewer, p: Seen) => viewer.isPlatformAdmin || p.organizationId === viewer.organizationId;

/**
 * Who sees a project — the one policy (ProjectsService, search, deal flow and deals all ask here).
 * Platform admins see everything, like the project's own organization.
 */
export const ProjectVisibility = {
  /** A direct read (a link, a deal, a report): drafts only for their organization; archived stay readable. */
  readable: (viewer: Viewer, p: Seen): boolean => p.status !== 'draft' || owns(viewer, p),
  /** Discovery (search results, lists): published, or the organization's own in any status. */
  discoverable: (viewer: Viewer, p: Seen): boolean => p.status === 'published' || owns(viewer, p),
  /** `discoverable` as SQL over `alias` (status, organization_id), the organization as `$<param>`. */
  discoverableSql: (viewer: Viewer, alias: string, param: number): string =>
    viewer.isPlatformAdmin ? 'TRUE' : `(${alias}.status = 'published' OR ${alias}.organization_id = $${param}::uuid)`,
};
