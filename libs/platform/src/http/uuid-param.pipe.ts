import { Injectable, PipeTransform, ArgumentMetadata } from '@nestjs/common';
import { platformError } from '../errors/platform.errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** `@Param('id', UuidPipe)`: a malformed id is a 400 naming the parameter, never a database error. */
@Injectable()
export class UuidPipe implements PipeTransform<string, string> {
  transform(value: string, meta: ArgumentMetadata): string {
    if (typeof value !== 'string' || !UUID.test(value)) {
      const field = meta.data ?? 'id';
      throw platformError('VALIDATION_FAILED', {
        field,
        fields: [{ field, rules: ['isUuid'], messages: [`${field} must be a UUID`] }],
      });
    }
    return value.toLowerCase();
  }
}

/** `@Param('year', new IntParamPipe(1980, 2100))`: an integer path parameter within a range. */
export class IntParamPipe implements PipeTransform<string, number> {
  constructor(
    private readonly min: number,
    private readonly max: number,
  ) {}

  transform(value: string, meta: ArgumentMetadata): number {
    const n = Number(value);
    if (!/^-?\d+$/.test(value) || n < this.min || n > this.max) {
      const field = meta.data ?? 'param';
      throw platformError('VALIDATION_FAILED', {
        field,
        fields: [
          { field, rules: ['intRange'], messages: [`${field} must be an integer from ${this.min} to ${this.max}`] },
        ],
      });
    }
    return n;
  }
}
