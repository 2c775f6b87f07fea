import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { executeOperation, operationProperties } from '../shared/operations';
import { checkStatusOperation } from './actions/checkStatus.operation';
import { getResultOperation } from './actions/getResult.operation';
import { submitOperation } from './actions/submit.operation';

const operations = [checkStatusOperation, submitOperation, getResultOperation];

export class AccuAuth implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'AccuAuth',
		name: 'accuAuth',
		icon: { light: 'file:accuAuth.svg', dark: 'file:accuAuth.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"]}}',
		description: 'Phone line status by AccuAuth: does a number ring, is it empty or switched off (Mexico, Colombia, Peru, Indonesia, India)',
		defaults: { name: 'AccuAuth' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'accuAuthApi', required: true }],
		properties: operationProperties(operations, 'checkStatus'),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperation(this, operations);
	}
}
