/** Reporting: event, programme and fund reports over other libs' read ports; Excel export. Owns no table. */
export * from './reporting.module';
export * from './reporting.service';
export * from './reporting.views';
export * from './report-folds';
