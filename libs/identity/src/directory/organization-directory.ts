import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { OrganizationEntity } from '../entities/organization.entity';

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
}
