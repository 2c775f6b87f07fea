// A workflow holding one node per node type x resource x operation of the pack, so the editor check opens every panel.
function optionValues(property) {
	return (property?.options ?? []).map((option) => option.value);
}

function shownFor(property, resource) {
	const shown = property.displayOptions?.show?.resource;
	return !shown || shown.includes(resource);
}

/** [{ resource?, operation? }] for one node description. */
function operationCombos(description) {
	const properties = description.properties ?? [];
	const resource = properties.find((property) => property.name === 'resource' && property.type === 'options');
	const operationProperties = properties.filter((property) => property.name === 'operation' && property.type === 'options');
	if (!resource) {
		const operations = optionValues(operationProperties[0]);
		return operations.length ? operations.map((operation) => ({ operation })) : [{}];
	}
	return optionValues(resource).flatMap((value) => {
		const operations = operationProperties.filter((property) => shownFor(property, value)).flatMap(optionValues);
		return operations.length ? operations.map((operation) => ({ resource: value, operation })) : [{ resource: value }];
	});
}

function latestVersion(description) {
	if (description.defaultVersion) return description.defaultVersion;
	return Array.isArray(description.version) ? Math.max(...description.version) : description.version;
}

/** Builds the (never executed) panels workflow; credentials are the sandbox ones, by type. */
export function panelWorkflow(nodeTypes, credentials) {
	const byType = new Map(credentials.map((credential) => [credential.type, credential]));
	const nodes = [];
	nodeTypes.forEach((description, row) => {
		operationCombos(description).forEach((parameters, column) => {
			const label = [parameters.resource, parameters.operation].filter(Boolean).join(' ');
			const nodeCredentials = {};
			for (const { name } of description.credentials ?? []) {
				const credential = byType.get(name);
				if (credential) nodeCredentials[name] = { id: credential.id, name: credential.name };
			}
			nodes.push({
				id: `panel-${row}-${column}`,
				name: label ? `${description.displayName} ${label}` : description.displayName,
				type: description.type,
				typeVersion: latestVersion(description),
				position: [column * 260, row * 220],
				parameters,
				credentials: nodeCredentials,
			});
		});
	});
	return { id: 'e2ePanels', name: 'E2E: every phone-intel panel', active: false, nodes, connections: {}, settings: {} };
}
