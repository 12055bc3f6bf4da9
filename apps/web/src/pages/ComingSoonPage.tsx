import { Card, Result } from 'antd';
import { useTranslation } from 'react-i18next';

export function ComingSoonPage() {
  const { t } = useTranslation();
  return (
    <Card>
      <Result status="info" title={t('nav.comingSoon')} subTitle={t('events.intro')} />
    </Card>
  );
}
