import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { OrganizationEntity, type OrganizationKind } from '../entities/organization.entity';

/** Identity's read port for other libs: organizations' public names, batched by ids. */
@Injectable()
export class OrganizationDirectory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async names(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(OrganizationEntity)
      .find({ where: { id: In([...new Set(ids)]) }, select: { id: true, name: true } });
    return new Map(rows.map((o) => [o.id, o.name]));
  }

  /** Name and kind (fund, bank, startup, organizer …) of each organization. */
  async summaries(ids: readonly string[]): Promise<Map<string, { name: string; kind: OrganizationKind }>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(OrganizationEntity)
      .find({ where: { id: In([...new Set(ids)]) }, select: { id: true, name: true, kind: true } });
    return new Map(rows.map((o) => [o.id, { name: o.name, kind: o.kind }]));
  }
}
