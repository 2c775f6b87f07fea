import { ACCUAUTH_SIM_CREDENTIALS } from './vendors/accuauth/config';
import { DIGISCORE_SIM_CREDENTIALS } from './vendors/digiscore/config';
import { EKYCPRO_SIM_CREDENTIALS } from './vendors/ekycpro/config';
import { ENROW_SIM_CREDENTIALS } from './vendors/enrow/config';
import { TRUSTDECISION_SIM_CREDENTIALS } from './vendors/trustdecision/config';

/** Credentials the simulator accepts by default, per vendor. */
export const SIM_CREDENTIALS = {
	trustdecision: TRUSTDECISION_SIM_CREDENTIALS,
	digiscore: DIGISCORE_SIM_CREDENTIALS,
	accuauth: ACCUAUTH_SIM_CREDENTIALS,
	ekycpro: EKYCPRO_SIM_CREDENTIALS,
	enrow: ENROW_SIM_CREDENTIALS,
} as const;
