import { NodeConnectionTypes, NodeOperationError, jsonParse } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

function isExecutionData(entry: unknown): entry is INodeExecutionData {
	return (
		typeof entry === 'object' && entry !== null && typeof (entry as IDataObject).json === 'object'
	);
}

/** Test-only start node: outputs the items written in its `items` parameter. */
export class ItemsSource implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Items Source (test fixture)',
		name: 'itemsSource',
		group: ['input'],
		version: 1,
		description: 'Outputs the items given as JSON',
		defaults: { name: 'Items' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{
				displayName: 'Items (JSON)',
				name: 'items',
				type: 'json',
				default: '[]',
				description: 'Array of JSON objects, or of {json, binary} items',
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const raw = this.getNodeParameter('items', 0) as string | unknown[];
		const entries = typeof raw === 'string' ? jsonParse<unknown[]>(raw) : raw;
		if (!Array.isArray(entries)) {
			throw new NodeOperationError(this.getNode(), 'Parameter "items" must be a JSON array');
		}
		return [
			entries.map((entry) => {
				const item = isExecutionData(entry) ? entry : { json: entry as IDataObject };
				return { json: item.json, binary: item.binary, pairedItem: { item: 0 } };
			}),
		];
	}
}
