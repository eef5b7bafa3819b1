import { entra } from './entra';
import { jumpcloud } from './jumpcloud';
import { okta } from './okta';
import { onelogin } from './onelogin';
import type { Dialect, IdpName } from './types';

export { IDPS, type Dialect, type IdpName } from './types';

export const DIALECTS: Record<IdpName, Dialect> = { entra, okta, onelogin, jumpcloud };
