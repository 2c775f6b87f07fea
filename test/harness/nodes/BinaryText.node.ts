import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

/** Test-only node: turns `json.text` into binary `data` and back, through n8n-core's binary data service. */
export class BinaryText implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Binary Text (test fixture)',
		name: 'binaryText',
		group: ['transform'],
		version: 1,
		description: 'Converts text to a binary file and back',
		defaults: { name: 'Binary Text' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'To Binary', value: 'toBinary' },
					{ name: 'From Binary', value: 'fromBinary' },
				],
				default: 'toBinary',
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const operation = this.getNodeParameter('operation', 0) as string;
		const output: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			if (operation === 'toBinary') {
				const text = String(items[itemIndex].json.text);
				const data = await this.helpers.prepareBinaryData(
					Buffer.from(text, 'utf8'),
					'text.txt',
					'text/plain',
				);
				output.push({ json: {}, binary: { data }, pairedItem: { item: itemIndex } });
			} else {
				const buffer = await this.helpers.getBinaryDataBuffer(itemIndex, 'data');
				output.push({ json: { text: buffer.toString('utf8') }, pairedItem: { item: itemIndex } });
			}
		}
		return [output];
	}
}
