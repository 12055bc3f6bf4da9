export * from './domain-error';
export * from './platform.errors';
export * from './locale';
export * from './all-exceptions.filter';
