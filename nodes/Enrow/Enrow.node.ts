import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { executeOperation, operationProperties } from '../shared/operations';
import { findPhoneOperation } from './actions/findPhone.operation';
import { findPhonesBulkOperation } from './actions/findPhonesBulk.operation';
import { getAccountInfoOperation } from './actions/getAccountInfo.operation';
import { getBulkResultOperation } from './actions/getBulkResult.operation';
import { getSingleResultOperation } from './actions/getSingleResult.operation';
import { startBulkSearchOperation } from './actions/startBulkSearch.operation';
import { startSingleSearchOperation } from './actions/startSingleSearch.operation';

const operations = [
	findPhoneOperation,
	findPhonesBulkOperation,
	startSingleSearchOperation,
	startBulkSearchOperation,
	getSingleResultOperation,
	getBulkResultOperation,
	getAccountInfoOperation,
];

export class Enrow implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Enrow',
		name: 'enrow',
		icon: { light: 'file:enrow.svg', dark: 'file:enrow.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"]}}',
		description: 'Find phone numbers of people from their LinkedIn profile or name and company, with Enrow',
		defaults: { name: 'Enrow' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'enrowApi', required: true }],
		properties: operationProperties(operations, 'findPhone'),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperation(this, operations);
	}
}
