// One n8n credential per credential type of the pack, filled to reach the sandbox simulator.
import { createRequire } from 'node:module';
import path from 'node:path';

import { REPO_DIR } from './n8n-install.mjs';

const require = createRequire(import.meta.url);

function loadCredentialType(distPath) {
	const exported = require(path.join(REPO_DIR, distPath));
	const CredentialClass = Object.values(exported).find((value) => typeof value === 'function');
	if (!CredentialClass) throw new Error(`${distPath} exports no credential class`);
	return new CredentialClass();
}

// A property's sandbox value: simulator secrets by name, base URL, the 'custom' host choice, else the placeholder of a required field.
function sandboxValue(property, vendorUrl, simValues) {
	if (property.name === 'baseUrl') return vendorUrl;
	if (property.name in simValues) return simValues[property.name];
	if (property.type === 'options' && property.options?.some((option) => option.value === 'custom')) return 'custom';
	if (property.required && property.default === '' && property.placeholder) return property.placeholder;
	return property.default;
}

/**
 * Builds `n8n import:credentials` entries ({ id, name, type, data }) for every credential in package.json `n8n.credentials`.
 * The simulator vendor of a credential type is its name without `Api`, lower-cased (trustDecisionApi -> trustdecision).
 * A type the simulator does not serve throws, unless onMissingVendor(typeName, vendor) is given (then it is skipped).
 */
export function sandboxCredentials(packageJson, vendorUrls, simCredentials, { onMissingVendor } = {}) {
	const credentials = [];
	for (const distPath of packageJson.n8n.credentials) {
		const type = loadCredentialType(distPath);
		const vendor = type.name.replace(/Api$/, '').toLowerCase();
		const vendorUrl = vendorUrls[vendor];
		if (!vendorUrl && onMissingVendor) {
			onMissingVendor(type.name, vendor);
			continue;
		}
		if (!vendorUrl) throw new Error(`The simulator has no vendor "${vendor}" for credential type ${type.name}`);
		if (!type.properties.some((property) => property.name === 'baseUrl')) {
			throw new Error(`Credential type ${type.name} has no baseUrl field, so it cannot point at the sandbox`);
		}
		const simValues = simCredentials[vendor] ?? {};
		const data = Object.fromEntries(type.properties.map((property) => [property.name, sandboxValue(property, vendorUrl, simValues)]));
		credentials.push({ id: `sandbox-${vendor}`, name: `${type.displayName} (sandbox)`, type: type.name, data });
	}
	return credentials;
}
