import { dialect as entra } from './entra';
import { dialect as jumpcloud } from './jumpcloud';
import { dialect as okta } from './okta';
import { dialect as onelogin } from './onelogin';
import type { Dialect, IdpName } from './types';

export { IDPS, type Dialect, type IdpName } from './types';

export const DIALECTS: Record<IdpName, Dialect> = { entra, okta, onelogin, jumpcloud };
