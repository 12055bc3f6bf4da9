import { ValidationError, ValidationPipe } from '@nestjs/common';
import { platformError } from '../errors/platform.errors';

export interface FieldProblem {
  field: string;
  rules: string[];
  messages: string[];
}

/** Flattens nested class-validator errors into dotted field paths (`fiscalYears.0.revenue`). */
export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own: FieldProblem[] = e.constraints
      ? [
          {
            field,
            rules: Object.keys(e.constraints),
            messages: Object.values(e.constraints),
          },
        ]
      : [];
    return [...own, ...fieldProblems(e.children ?? [], field)];
  });
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const fields = fieldProblems(errors);
      return platformError('VALIDATION_FAILED', { field: fields[0]?.field, fields });
    },
  });
}
