import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { executeOperation, operationProperties } from '../shared/operations';
import { checkNumbersOperation } from './actions/checkNumbers.operation';
import { createTaskOperation } from './actions/createTask.operation';
import { getBalanceOperation } from './actions/getBalance.operation';
import { getResultsOperation } from './actions/getResults.operation';
import { getTaskOperation } from './actions/getTask.operation';

const operations = [checkNumbersOperation, createTaskOperation, getTaskOperation, getResultsOperation, getBalanceOperation];

export class Ekycpro implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ekycpro',
		name: 'ekycpro',
		icon: { light: 'file:ekycpro.svg', dark: 'file:ekycpro.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ($parameter["taskType"] ? ": " + $parameter["taskType"] : "")}}',
		description: 'Bulk checks of phone numbers on WhatsApp, Telegram, CoinW and other platforms by ekycpro / checknumber.ai',
		defaults: { name: 'ekycpro' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'ekycproApi', required: true }],
		properties: operationProperties(operations, 'checkNumbers'),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperation(this, operations);
	}
}
