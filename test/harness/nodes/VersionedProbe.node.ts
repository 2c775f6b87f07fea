import { NodeConnectionTypes, VersionedNodeType } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeBaseDescription,
	INodeTypeDescription,
} from 'n8n-workflow';

/** One version of the probe: tags each item with the version that ran. */
class VersionedProbeVersion implements INodeType {
	description: INodeTypeDescription;

	constructor(baseDescription: INodeTypeBaseDescription, version: number) {
		this.description = {
			...baseDescription,
			version,
			defaults: { name: 'Versioned Probe' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			properties: [],
		};
	}

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const version = this.getNode().typeVersion;
		return [
			this.getInputData().map((item, itemIndex) => ({
				json: { ...item.json, version },
				pairedItem: { item: itemIndex },
			})),
		];
	}
}

/** Test-only versioned node, to prove the harness resolves VersionedNodeType. */
export class VersionedProbe extends VersionedNodeType {
	constructor() {
		const baseDescription: INodeTypeBaseDescription = {
			displayName: 'Versioned Probe (test fixture)',
			name: 'versionedProbe',
			group: ['transform'],
			description: 'Reports which version ran',
			defaultVersion: 2,
		};
		super(
			{
				1: new VersionedProbeVersion(baseDescription, 1),
				2: new VersionedProbeVersion(baseDescription, 2),
			},
			baseDescription,
		);
	}
}
