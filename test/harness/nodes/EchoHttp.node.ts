import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

/** Test-only node: POSTs each item to the echo server with the echoApi credential. */
export class EchoHttp implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Echo HTTP (test fixture)',
		name: 'echoHttp',
		group: ['transform'],
		version: 1,
		description: 'Sends each item to an echo server',
		defaults: { name: 'Echo HTTP' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'echoApi', required: true }],
		properties: [
			{
				displayName: 'Path',
				name: 'path',
				type: 'string',
				default: '/echo',
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const { baseUrl } = await this.getCredentials<{ baseUrl: string }>('echoApi');
		const output: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			const path = this.getNodeParameter('path', itemIndex) as string;
			this.logger.info('EchoHttp sending item', { itemIndex, path });
			try {
				const response = (await this.helpers.httpRequestWithAuthentication.call(this, 'echoApi', {
					method: 'POST',
					url: `${baseUrl}${path}`,
					body: items[itemIndex].json,
					json: true,
				})) as IDataObject;
				output.push({ json: response, pairedItem: { item: itemIndex } });
			} catch (error) {
				if (!this.continueOnFail()) throw error;
				output.push({ json: { error: (error as Error).message }, pairedItem: { item: itemIndex } });
			}
		}
		return [output];
	}
}
