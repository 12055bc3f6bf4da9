import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'tourong:isPublic';

/** Marks a route as reachable without signing in; every other route requires a principal. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
