import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../lib/page';
import { FollowUpBoard } from '../organizer/FollowUpBoard';

export function FollowUpsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('rs.followUps.title')} intro={t('rs.followUps.intro')} />
      <FollowUpBoard />
    </>
  );
}
