import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { executeOperation, operationProperties } from '../shared/operations';
import { detectAssociationOperation } from './actions/detectAssociation.operation';

const operations = [detectAssociationOperation];

export class TrustDecision implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'TrustDecision',
		name: 'trustDecision',
		icon: { light: 'file:trustDecision.svg', dark: 'file:trustDecision.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"]}}',
		description: 'Indonesian phone number association detection by TrustDecision',
		defaults: { name: 'TrustDecision' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'trustDecisionApi', required: true }],
		properties: operationProperties(operations, 'detectAssociation'),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperation(this, operations);
	}
}
