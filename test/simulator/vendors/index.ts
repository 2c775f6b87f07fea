import type { AccuAuthConfig } from './accuauth/config';
import { ACCUAUTH_REALISTIC_CONFIG } from './accuauth/config';
import { AccuAuthSim } from './accuauth/accuAuthSim';
import type { DigiscoreConfig } from './digiscore/config';
import { DIGISCORE_REALISTIC_CONFIG } from './digiscore/config';
import { DigiscoreSim } from './digiscore/digiscoreSim';
import type { EkycproConfig } from './ekycpro/config';
import { EKYCPRO_REALISTIC_CONFIG } from './ekycpro/config';
import { EkycproSim } from './ekycpro/ekycproSim';
import type { EnrowConfig } from './enrow/config';
import { ENROW_REALISTIC_CONFIG } from './enrow/config';
import { EnrowSim } from './enrow/enrowSim';
import type { TrustDecisionConfig } from './trustdecision/config';
import { TRUSTDECISION_REALISTIC_CONFIG } from './trustdecision/config';
import { TrustDecisionSim } from './trustdecision/trustDecisionSim';

/** The registry: adding a vendor is one entry in each of these three places. */
export interface SimulatorVendors {
	trustdecision: TrustDecisionSim;
	digiscore: DigiscoreSim;
	accuauth: AccuAuthSim;
	ekycpro: EkycproSim;
	enrow: EnrowSim;
}

export interface VendorConfigOverrides {
	trustdecision?: Partial<TrustDecisionConfig>;
	digiscore?: Partial<DigiscoreConfig>;
	accuauth?: Partial<AccuAuthConfig>;
	ekycpro?: Partial<EkycproConfig>;
	enrow?: Partial<EnrowConfig>;
}

export type VendorName = keyof SimulatorVendors;

export function createVendors(overrides: VendorConfigOverrides = {}): SimulatorVendors {
	return {
		trustdecision: new TrustDecisionSim(overrides.trustdecision),
		digiscore: new DigiscoreSim(overrides.digiscore),
		accuauth: new AccuAuthSim(overrides.accuauth),
		ekycpro: new EkycproSim(overrides.ekycpro),
		enrow: new EnrowSim(overrides.enrow),
	};
}

/** Sandbox settings (CLI --realistic): per-call latency, async results after seconds, vendor-like limits. */
export const REALISTIC_CONFIG: Required<VendorConfigOverrides> = {
	trustdecision: TRUSTDECISION_REALISTIC_CONFIG,
	digiscore: DIGISCORE_REALISTIC_CONFIG,
	accuauth: ACCUAUTH_REALISTIC_CONFIG,
	ekycpro: EKYCPRO_REALISTIC_CONFIG,
	enrow: ENROW_REALISTIC_CONFIG,
};
