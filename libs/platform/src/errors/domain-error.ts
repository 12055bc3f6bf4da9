/**
 * A failure the caller can act on. `code` is stable and documented; the HTTP status and the
 * localized message come from the code's definition, so throwing sites only say what happened.
 */
export interface ErrorDefinition {
  status: number;
  en: string;
  zh: string;
}

export type ErrorCatalog<C extends string> = Record<C, ErrorDefinition>;

export class DomainError<C extends string = string> extends Error {
  constructor(
    readonly code: C,
    readonly details: Record<string, unknown> = {},
    readonly definition?: ErrorDefinition,
  ) {
    super(definition?.en ?? code);
    this.name = 'DomainError';
  }
}

const registry = new Map<string, ErrorDefinition>();

/**
 * Each lib declares its codes once (`<lib>.errors.ts`) and registers them here; the filter and the
 * OpenAPI document read the same registry.
 */
export function defineErrors<C extends string>(catalog: ErrorCatalog<C>) {
  for (const [code, def] of Object.entries(catalog) as [C, ErrorDefinition][]) {
    if (registry.has(code) && registry.get(code) !== def) throw new Error(`error code ${code} defined twice`);
    registry.set(code, def);
  }
  return (code: C, details: Record<string, unknown> = {}) => new DomainError<C>(code, details, catalog[code]);
}

export function errorDefinition(code: string): ErrorDefinition | undefined {
  return registry.get(code);
}

export function registeredErrorCodes(): string[] {
  return [...registry.keys()].sort();
}
