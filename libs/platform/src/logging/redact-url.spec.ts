import { redactUrl } from './logging.module';

describe('redactUrl (what a request line shows of its URL)', () => {
  it('hides capabilities in the path and credential-like query values, keeps ids and filters', () => {
    const token = 'q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6';
    expect(redactUrl(`/api/v1/calendar-feeds/${token}.ics`)).toBe('/api/v1/calendar-feeds/[redacted].ics');
    expect(redactUrl(`/admin/queues?access_token=eyJhbGciOi.x.y&page=2`)).toBe(
      '/admin/queues?access_token=[redacted]&page=2',
    );
    expect(redactUrl(`/api/v1/invitations/preview?token=${token}`)).toBe(
      '/api/v1/invitations/preview?token=[redacted]',
    );
    const id = '3f8f12d0-710d-47ca-935e-1b5d8b8dbfe4';
    expect(redactUrl(`/api/v1/projects/${id}?status=published&limit=20`)).toBe(
      `/api/v1/projects/${id}?status=published&limit=20`,
    );
    expect(redactUrl('/api/v1/search?q=%E5%8C%97%E6%96%97&cursor=abc')).toBe(
      '/api/v1/search?q=%E5%8C%97%E6%96%97&cursor=abc',
    );
  });
});
