import { ValidateBy, ValidationOptions } from 'class-validator';
import { isRegionCode, isRegionPrefix, REGION_PREFIX_MESSAGE } from './regions';

/** class-validator form of the region rules (pure: no Nest, no I/O) so every DTO says the same thing. */
export function IsRegionPrefix(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isRegionPrefix',
      validator: { validate: (v) => isRegionPrefix(v), defaultMessage: () => REGION_PREFIX_MESSAGE },
    },
    options,
  );
}

export function IsRegionCode(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isRegionCode',
      validator: {
        validate: (v) => isRegionCode(v),
        defaultMessage: () => 'regionCode must be a 6-digit division code (province 11–82)',
      },
    },
    options,
  );
}
