import { SwapOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Col, Form, Input, List, Radio, Row, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { useSession } from '../../auth/session';
import { applyApiError } from '../../components/states';
import { changeLanguage, type Language } from '../../i18n';
import { PageHeader } from '../../lib/page';

export function ProfilePage() {
  const { t } = useTranslation();
  const { me, switchOrganization } = useSession();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ displayName: string; mobile?: string; locale: Language }>();
  const [banner, setBanner] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (v: { displayName: string; mobile?: string; locale: Language }) =>
      call(api.PATCH('/api/v1/me', { body: { displayName: v.displayName, locale: v.locale, mobile: v.mobile ? v.mobile : null } })),
    onSuccess: async (_data, v) => {
      await changeLanguage(v.locale);
      await queryClient.invalidateQueries({ queryKey: ['me'] });
      message.success(t('profile.savedOk'));
      setBanner(null);
    },
    onError: (err) => setBanner(applyApiError(form, err, t)),
  });
  if (!me) return null;
  return (
    <>
      <PageHeader title={t('profile.title')} intro={t('profile.intro')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card>
            {banner && <Alert type="error" showIcon title={banner} style={{ marginBottom: 12 }} />}
            <Form form={form} layout="vertical" initialValues={{ displayName: me.displayName, mobile: me.mobile ?? '', locale: me.locale }} onFinish={(v) => save.mutate(v)}>
              <Form.Item label={t('profile.email')}><Input value={me.email} disabled /></Form.Item>
              <Form.Item name="displayName" label={t('profile.displayName')} rules={[{ required: true, message: t('profile.displayName') }]}><Input maxLength={100} /></Form.Item>
              <Form.Item name="mobile" label={t('profile.mobile')}><Input maxLength={20} placeholder="13800000000" /></Form.Item>
              <Form.Item name="locale" label={t('profile.locale')}>
                <Radio.Group options={[{ value: 'zh-CN', label: t('lang.zh') }, { value: 'en', label: t('lang.en') }]} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={save.isPending}>{t('common.save')}</Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('profile.memberships')}>
            <List
              dataSource={me.memberships}
              renderItem={(m) => (
                <List.Item
                  actions={m.organizationId === me.actingOrganization.id
                    ? [<Tag key="c" color="blue">{t('profile.current')}</Tag>]
                    : [<Button key="s" size="small" icon={<SwapOutlined />} onClick={() => void switchOrganization(m.organizationId)}>{t('profile.switchTo')}</Button>]}
                >
                  <List.Item.Meta title={m.organizationName} description={`${t(`orgKind.${m.organizationKind}`)} · ${t(`role.${m.role}`)}`} />
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
