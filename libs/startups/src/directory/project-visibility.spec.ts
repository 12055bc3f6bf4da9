import { ProjectVisibility } from './project-visibility';

const investor = { organizationId: 'org-fund', isPlatformAdmin: false };
const owner = { organizationId: 'org-startup', isPlatformAdmin: false };
const admin = { organizationId: 'org-platform', isPlatformAdmin: true };
const project = (status: 'draft' | 'published' | 'archived') => ({ status, organizationId: 'org-startup' });

describe('ProjectVisibility (the one policy)', () => {
  it.each([
    // status, viewer, readable (a link, a deal), discoverable (search, lists)
    ['draft', investor, false, false],
    ['draft', owner, true, true],
    ['draft', admin, true, true],
    ['published', investor, true, true],
    ['archived', investor, true, false],
    ['archived', owner, true, true],
    ['archived', admin, true, true],
  ] as const)('%s project seen by %o: readable %s, discoverable %s', (status, viewer, readable, discoverable) => {
    expect(ProjectVisibility.readable(viewer, project(status))).toBe(readable);
    expect(ProjectVisibility.discoverable(viewer, project(status))).toBe(discoverable);
  });

  it('its SQL form is the same rule: open to platform admins, otherwise published or the own organization', () => {
    expect(ProjectVisibility.discoverableSql(admin, 'p', 2)).toBe('TRUE');
    expect(ProjectVisibility.discoverableSql(investor, 'p', 2)).toBe(
      "(p.status = 'published' OR p.organization_id = $2::uuid)",
    );
  });
});
