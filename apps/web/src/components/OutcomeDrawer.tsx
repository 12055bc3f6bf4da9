import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Col, Descriptions, Drawer, Form, Input, InputNumber, Radio, Row, Select, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, call, type Schemas } from '../api/client';
import { fenToWan, formatDate, formatWan, wanToFen } from '../lib/format';
import { enumOptions, INSTRUMENTS, PASS_REASONS } from '../lib/reference';
import { apiErrorMessage, applyApiError, ErrorState, PageLoading } from './states';

export type Outcome = Schemas['OutcomeView'];
export type OutcomeSide = Schemas['OutcomeSideView'];
export type RecordOutcomeBody = Schemas['RecordOutcomeDto'];
export type OutcomeSubjectType = Outcome['subjectType'];
type Stage = NonNullable<RecordOutcomeBody['stage']>;
type Attendance = NonNullable<RecordOutcomeBody['attendance']>;
type Instrument = NonNullable<RecordOutcomeBody['instrument']>;
type PassCode = Schemas['OutcomePassReasonDto']['code'];

export const OUTCOME_STAGES: readonly Stage[] = ['interested', 'due_diligence', 'term_sheet', 'signed', 'disbursed', 'passed'];
export const ATTENDANCE: readonly Attendance[] = ['held', 'no_show'];

/** The form's values: amounts in 万元 as people type them; the API takes 分. */
export interface OutcomeFormValues {
  stage?: Stage | null;
  attendance?: Attendance | null;
  instrument?: Instrument | null;
  amountWan?: number | null;
  equityWan?: number | null;
  loanWan?: number | null;
  disbursedWan?: number | null;
  passCode?: PassCode | null;
  passText?: string | null;
  note?: string | null;
}

/** Where the API's field names land in the form (for coded errors under the right field). */
const FIELD_MAP: Record<string, string[]> = {
  amount: ['amountWan'], equityAmount: ['equityWan'], loanAmount: ['loanWan'], disbursedAmount: ['disbursedWan'],
  'passReason.code': ['passCode'], 'passReason.text': ['passText'], passReason: ['passCode'],
};

/** A colleague recorded this side since it was loaded (the save sent the revision it had read). */
export const isConflict = (error: unknown) => error instanceof ApiError && error.code === 'OUTCOME_VERSION_CONFLICT';

const withTerms = (s: Stage | null | undefined) => s === 'signed' || s === 'disbursed';

/** The form's values → the API's body: only the fields the chosen stage takes, amounts 万元 → integer 分. */
export function toRecordBody(v: OutcomeFormValues, subjectType: OutcomeSubjectType): RecordOutcomeBody {
  const stage = v.stage ?? null;
  const body: RecordOutcomeBody = { stage };
  if (subjectType === 'meeting' && v.attendance) body.attendance = v.attendance;
  if (withTerms(stage)) {
    body.instrument = v.instrument ?? null;
    if (v.instrument === 'equity_loan_package') {
      body.equityAmount = wanToFen(v.equityWan) ?? null;
      body.loanAmount = wanToFen(v.loanWan) ?? null;
    } else body.amount = wanToFen(v.amountWan) ?? null;
  }
  if (stage === 'disbursed') body.disbursedAmount = wanToFen(v.disbursedWan) ?? null;
  if (stage === 'passed') body.passReason = { code: v.passCode as PassCode, text: v.passText?.trim() || null };
  const note = v.note?.trim();
  if (note) body.note = note;
  return body;
}

/** Your side's record → the form (分 → 万元). */
export function toFormValues(side: OutcomeSide | null): OutcomeFormValues {
  if (!side) return {};
  return {
    stage: side.stage, attendance: side.attendance, instrument: side.terms?.instrument ?? null,
    amountWan: fenToWan(side.terms?.amount), equityWan: fenToWan(side.terms?.equityAmount), loanWan: fenToWan(side.terms?.loanAmount),
    disbursedWan: fenToWan(side.disbursedAmount), passCode: side.passReason?.code ?? null, passText: side.passReason?.text ?? null, note: side.note,
  };
}

/**
 * The shared state both parties see: `passed` (a pass by either side ends it), `confirmed` (both agree),
 * `pending` (only one side has recorded), `differs` (both recorded, the lower stage counts), `none`.
 */
export type SharedState = 'none' | 'pending' | 'differs' | 'confirmed' | 'passed';
export function sharedState(o: Pick<Outcome, 'investor' | 'founder' | 'shared'>): SharedState {
  if (o.shared.stage === 'passed') return 'passed';
  if (o.shared.confirmed) return 'confirmed';
  if (!o.investor && !o.founder) return 'none';
  if (!o.investor || !o.founder || o.investor.stage === null || o.founder.stage === null) return 'pending';
  return 'differs';
}
const STATE_COLORS: Record<SharedState, string> = { none: 'default', pending: 'gold', differs: 'orange', confirmed: 'green', passed: 'red' };

function SideRecord({ side, lang }: { side: OutcomeSide | null; lang: string }) {
  const { t } = useTranslation();
  if (!side) return <Typography.Text type="secondary">{t('pt.outcome.notRecorded')}</Typography.Text>;
  const terms = side.terms;
  return (
    <Descriptions size="small" column={1} items={[
      { key: 'stage', label: t('pt.outcome.stageLabel'), children: side.stage ? t(`pt.outcome.stage.${side.stage}`) : '—' },
      ...(side.attendance ? [{ key: 'att', label: t('pt.outcome.attendanceLabel'), children: t(`pt.outcome.attendance.${side.attendance}`) }] : []),
      ...(terms ? [{
        key: 'terms', label: t('pt.outcome.terms'),
        children: (
          <span>
            {t(`instrument.${terms.instrument}`)} · {formatWan(terms.amount, lang)}
            {terms.equityAmount != null && terms.loanAmount != null && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {' '}({t('pt.outcome.parts', { equity: formatWan(terms.equityAmount, lang), loan: formatWan(terms.loanAmount, lang) })})
              </Typography.Text>
            )}
          </span>
        ),
      }] : []),
      ...(side.disbursedAmount != null ? [{ key: 'disb', label: t('pt.outcome.disbursed'), children: formatWan(side.disbursedAmount, lang) }] : []),
      ...(side.passReason ? [{
        key: 'pass', label: t('pt.outcome.passReason'),
        children: `${t(`passReason.${side.passReason.code}`)}${side.passReason.text ? ` · ${side.passReason.text}` : ''}`,
      }] : []),
      ...(side.note ? [{ key: 'note', label: t('pt.outcome.note'), children: side.note }] : []),
      { key: 'at', label: t('pt.outcome.recordedAt'), children: formatDate(side.recordedAt, lang) },
    ]} />
  );
}

/** Both sides' records, the shared state and the form for the acting side's own part. */
export function OutcomePanel({
  outcome,
  onSubmit,
  submitting,
  error,
}: {
  outcome: Outcome;
  onSubmit: (body: RecordOutcomeBody) => void;
  submitting?: boolean;
  /** The last save's error (an ApiError carries the API's message in the user's language). */
  error?: unknown;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [form] = Form.useForm<OutcomeFormValues>();
  /** The error whose banner the user dismissed by editing the form (a later save's error shows again). */
  const [dismissed, setDismissed] = useState<unknown>(null);
  const mine = outcome.yourSide === 'investor' ? outcome.investor : outcome.founder;
  const theirs = outcome.yourSide === 'investor' ? outcome.founder : outcome.investor;
  const isMeeting = outcome.subjectType === 'meeting';
  const state = sharedState(outcome);
  const stage = Form.useWatch('stage', form);
  const attendance = Form.useWatch('attendance', form);
  const instrument = Form.useWatch('instrument', form);

  useEffect(() => {
    form.setFieldsValue(toFormValues(mine));
  }, [form, mine]);
  useEffect(() => {
    // A conflict is about the record, not a field: the drawer reloads it and the banner says why.
    if (error && !isConflict(error)) applyApiError(form, error, t, FIELD_MAP);
  }, [error, form, t]);
  const banner = error && error !== dismissed ? apiErrorMessage(error, t) : null;

  const money = (name: keyof OutcomeFormValues, label: string) => (
    <Form.Item name={name} label={label} rules={[{ required: true, message: t('pt.outcome.amountRequired') }]}>
      <InputNumber min={0.0001} step={10} style={{ width: '100%' }} suffix={t('common.unitWan')} data-testid={`outcome-${name}`} />
    </Form.Item>
  );
  const shared = outcome.shared;
  return (
    <div data-testid="outcome">
      <Card size="small" style={{ marginBottom: 12 }} data-testid="outcome-shared">
        <div style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
          <Typography.Text strong>{t('pt.outcome.shared')}</Typography.Text>
          {shared.stage && <Tag color="blue">{t(`pt.outcome.stage.${shared.stage}`)}</Tag>}
          <Tag color={STATE_COLORS[state]} data-testid="outcome-state">
            {state === 'passed' ? t('pt.outcome.state.passed', { side: t(`pt.outcome.side.${shared.passedBy ?? 'investor'}`) }) : t(`pt.outcome.state.${state}`)}
          </Tag>
        </div>
        {shared.terms && (
          <div style={{ marginTop: 4 }}>{t(`instrument.${shared.terms.instrument}`)} · {formatWan(shared.terms.amount, lang)}{shared.disbursedAmount != null && ` · ${t('pt.outcome.disbursed')} ${formatWan(shared.disbursedAmount, lang)}`}</div>
        )}
        {shared.attendance && <div style={{ marginTop: 4 }}><Typography.Text type="secondary">{t(`pt.outcome.attendance.${shared.attendance}`)}</Typography.Text></div>}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(`pt.outcome.stateHint.${state}`)}</Typography.Text>
      </Card>
      <Row gutter={12} style={{ marginBottom: 12 }}>
        {(['investor', 'founder'] as const).map((s) => (
          <Col xs={24} sm={12} key={s}>
            <Card size="small" title={`${t(`pt.outcome.side.${s}`)}${outcome.yourSide === s ? ` · ${t('pt.outcome.yours')}` : ''}`} data-testid={`outcome-side-${s}`}>
              <SideRecord side={outcome[s]} lang={lang} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card size="small" title={mine ? t('pt.outcome.update') : t('pt.outcome.record')}>
        {!theirs && <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('pt.outcome.otherNotYet')}</Typography.Paragraph>}
        <Form<OutcomeFormValues>
          form={form}
          layout="vertical"
          onValuesChange={() => banner && setDismissed(error)}
          onFinish={(v) => onSubmit({ ...toRecordBody(v, outcome.subjectType), expectedRevision: mine?.revision ?? 0 })}
        >
          {isMeeting && (
            <Form.Item name="attendance" label={t('pt.outcome.attendanceLabel')}>
              <Radio.Group optionType="button" options={ATTENDANCE.map((a) => ({ value: a, label: t(`pt.outcome.attendance.${a}`) }))} />
            </Form.Item>
          )}
          <Form.Item
            name="stage"
            label={t('pt.outcome.stageLabel')}
            extra={isMeeting ? t('pt.outcome.stageMeetingHint') : undefined}
            rules={[{ required: !isMeeting || !attendance, message: t('pt.outcome.stageRequired') }]}
          >
            <Radio.Group
              optionType="button"
              options={OUTCOME_STAGES.map((s) => ({ value: s, label: t(`pt.outcome.stage.${s}`), disabled: attendance === 'no_show' && s !== 'passed' }))}
            />
          </Form.Item>
          {withTerms(stage) && (
            <>
              <Form.Item name="instrument" label={t('pt.outcome.instrument')} rules={[{ required: true, message: t('pt.outcome.instrumentRequired') }]}>
                <Select options={enumOptions(t, 'instrument', INSTRUMENTS)} data-testid="outcome-instrument" />
              </Form.Item>
              {instrument === 'equity_loan_package' ? (
                <Row gutter={12}>
                  <Col span={12}>{money('equityWan', t('pt.outcome.equityAmount'))}</Col>
                  <Col span={12}>{money('loanWan', t('pt.outcome.loanAmount'))}</Col>
                </Row>
              ) : money('amountWan', t('pt.outcome.amount'))}
            </>
          )}
          {stage === 'disbursed' && money('disbursedWan', t('pt.outcome.disbursedAmount'))}
          {stage === 'passed' && (
            <>
              <Form.Item name="passCode" label={t('pt.outcome.passReason')} rules={[{ required: true, message: t('pt.outcome.passReasonRequired') }]}>
                <Select options={enumOptions(t, 'passReason', PASS_REASONS)} data-testid="outcome-passCode" />
              </Form.Item>
              <Form.Item noStyle dependencies={['passCode']}>
                {({ getFieldValue }) => (
                  <Form.Item name="passText" label={t('pt.outcome.passText')} rules={[{ required: getFieldValue('passCode') === 'other', message: t('pt.outcome.passTextRequired') }]}>
                    <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} />
                  </Form.Item>
                )}
              </Form.Item>
            </>
          )}
          <Form.Item name="note" label={t('pt.outcome.note')}>
            <Input.TextArea maxLength={2000} autoSize={{ minRows: 2 }} placeholder={t('common.optional')} />
          </Form.Item>
          {banner && <Alert type="error" showIcon title={banner} style={{ marginBottom: 12 }} data-testid="outcome-error" />}
          <Button type="primary" htmlType="submit" loading={submitting} data-testid="outcome-save">{t('pt.outcome.save')}</Button>
        </Form>
      </Card>
    </div>
  );
}

/** A drawer over a meeting (its request id) or a deal: loads the outcome and saves the acting side's part. */
export function OutcomeDrawer({
  subject,
  title,
  onClose,
}: {
  subject: { type: OutcomeSubjectType; id: string } | null;
  title?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const key = ['outcome', subject?.type, subject?.id];
  const q = useQuery({
    queryKey: key,
    enabled: !!subject,
    queryFn: () => {
      const path = { params: { path: { id: subject!.id } } };
      return subject!.type === 'meeting'
        ? call(api.GET('/api/v1/meetings/{id}/outcome', path))
        : call(api.GET('/api/v1/deals/{id}/outcome', path));
    },
  });
  const save = useMutation({
    mutationFn: (body: RecordOutcomeBody) => {
      const req = { params: { path: { id: subject!.id } }, body };
      return subject!.type === 'meeting'
        ? call(api.PUT('/api/v1/meetings/{id}/outcome', req))
        : call(api.PUT('/api/v1/deals/{id}/outcome', req));
    },
    // Someone on this side saved first: show what they recorded (the banner asks to check and save again).
    onError: (err) => { if (isConflict(err)) void q.refetch(); },
    onSuccess: (o) => {
      queryClient.setQueryData(key, o);
      void queryClient.invalidateQueries({ queryKey: ['deals'] });
      message.success(t('pt.outcome.saved'));
    },
  });
  return (
    <Drawer
      open={!!subject}
      onClose={() => { save.reset(); onClose(); }}
      size={640}
      title={title ? `${t(`pt.outcome.title.${subject?.type ?? 'deal'}`)} · ${title}` : t(`pt.outcome.title.${subject?.type ?? 'deal'}`)}
      destroyOnHidden
    >
      {q.isPending ? <PageLoading /> : q.isError ? <ErrorState error={q.error} onRetry={() => void q.refetch()} /> : (
        <OutcomePanel outcome={q.data} onSubmit={(b) => save.mutate(b)} submitting={save.isPending} error={save.error} />
      )}
    </Drawer>
  );
}
