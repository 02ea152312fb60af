import { AuthError } from '../../errors/index.js';

/**
 * The data gateway would not make or accept a sign (section A2): `createsign.do` answered
 * nothing, or `gateway.do` complained of the sign or its timestamp. Worth one fresh sign, with a
 * new timestamp, before it reaches the caller as the `AuthError` it is.
 */
export class SignComplaint extends AuthError {}
