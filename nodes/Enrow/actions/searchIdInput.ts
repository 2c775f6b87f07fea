import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ItemInputError } from '../../shared/errors';

export const searchIdProperty: INodeProperties = {
	displayName: 'Search ID',
	name: 'searchId',
	type: 'string',
	default: '',
	required: true,
	placeholder: '{{ $json.searchId }}',
	description: 'The ID a "Start" operation (or the Enrow Trigger) returned',
};

export function readSearchId(ctx: IExecuteFunctions, itemIndex: number): string {
	const searchId = String(ctx.getNodeParameter('searchId', itemIndex, '') ?? '').trim();
	if (!searchId) throw new ItemInputError('The search ID is empty', 'Set "Search ID", e.g. to {{ $json.searchId }}.');
	return searchId;
}
