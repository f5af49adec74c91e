export { createKeyring, loadMasterKey, type Keyring } from './keys.ts';
export { maskPhone, maskEmail, normalisePhone } from './mask.ts';
