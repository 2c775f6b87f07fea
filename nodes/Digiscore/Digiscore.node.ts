import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { executeOperation, operationProperties } from '../shared/operations';
import { checkActivityOperation } from './actions/checkActivity.operation';
import { getResultOperation } from './actions/getResult.operation';
import { submitOperation } from './actions/submit.operation';

const operations = [checkActivityOperation, submitOperation, getResultOperation];

export class Digiscore implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Digiscore',
		name: 'digiscore',
		icon: { light: 'file:digiscore.svg', dark: 'file:digiscore.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"]}}',
		description: 'Indonesian phone number activity (telco type, activity level, top-up frequency) by Digiscore',
		defaults: { name: 'Digiscore' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'digiscoreApi', required: true }],
		properties: operationProperties(operations, 'checkActivity'),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperation(this, operations);
	}
}
