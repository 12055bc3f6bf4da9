import { startApi, type ApiHarness } from '../../../test/support/api-app';

type Schema = Record<string, unknown> & {
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  additionalProperties?: boolean | Schema;
  $ref?: string;
  oneOf?: Schema[];
  allOf?: Schema[];
  anyOf?: Schema[];
  enum?: unknown[];
};

/** Every place in a schema that does not say what it holds (the web client is generated from this). */
function untyped(schema: Schema, path: string, out: string[]): void {
  if (schema.$ref || schema.enum) return;
  for (const key of ['oneOf', 'allOf', 'anyOf'] as const) {
    const parts = schema[key];
    if (parts) return parts.forEach((s, i) => untyped(s, `${path}.${key}[${i}]`, out));
  }
  if (!schema.type) return void out.push(`${path}: no type`);
  if (schema.type === 'array') {
    if (!schema.items) return void out.push(`${path}: array without items`);
    return untyped(schema.items, `${path}[]`, out);
  }
  if (schema.type === 'object') {
    const props = schema.properties ?? {};
    for (const [name, s] of Object.entries(props)) untyped(s, `${path}.${name}`, out);
    const extra = schema.additionalProperties;
    if (extra === true && schema['x-free-form'] !== true) out.push(`${path}: object with untyped additionalProperties`);
    else if (extra && typeof extra === 'object') untyped(extra, `${path}{}`, out);
    else if (Object.keys(props).length === 0 && extra !== true) out.push(`${path}: object without properties`);
  }
}

describe('the OpenAPI document tells the truth', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => {
    await api?.close();
  });

  it('types every field of every view and parameter (no bare object, no untyped array)', async () => {
    const doc = await api.request('/api/docs-json');
    expect(doc.status).toBe(200);
    const problems: string[] = [];
    for (const [name, schema] of Object.entries(doc.body.components.schemas as Record<string, Schema>)) {
      untyped(schema, name, problems);
    }
    for (const [route, ops] of Object.entries(
      doc.body.paths as Record<string, Record<string, { parameters?: { name: string; schema?: Schema }[] }>>,
    )) {
      for (const [method, op] of Object.entries(ops)) {
        for (const p of op.parameters ?? [])
          if (p.schema) untyped(p.schema, `${method.toUpperCase()} ${route} ?${p.name}`, problems);
      }
    }
    expect(problems).toEqual([]);
  });

  it('describes the explanation of a match with typed views', async () => {
    const doc = await api.request('/api/docs-json');
    const item = doc.body.components.schemas.MatchItemView.properties;
    expect(item.breakdown.items.$ref).toBe('#/components/schemas/CriterionView');
    expect(item.reasons.items.$ref).toBe('#/components/schemas/ConstraintReasonView');
    expect(item.hints.items.$ref).toBe('#/components/schemas/HintView');
    expect(doc.body.components.schemas.ConstraintReasonView.properties.code.enum).toContain('TICKET');
  });
});
