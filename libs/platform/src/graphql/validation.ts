import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { ConcordError, type FieldError } from '@concord/kernel';

const flatten = (errors: ValidationError[], parent = ''): FieldError[] =>
  errors.flatMap((e) => {
    const path = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ path, value: e.value, message }));
    return [...own, ...flatten(e.children ?? [], path)];
  });

/** class-validator failures become one BAD_USER_INPUT error listing every failing field. */
export const validationPipe = new ValidationPipe({
  transform: true,
  whitelist: true,
  forbidUnknownValues: true,
  exceptionFactory: (errors) => ConcordError.invalidFields(flatten(errors)),
});
