import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { ItemInputError } from '../../shared/errors';
import { runForEachItem } from '../../shared/itemRunner';
import { commonOptionsProperty, readCommonOptions } from '../../shared/options';
import type { VendorOperation } from '../../shared/operations';
import { connectDigiscore, DIGISCORE_DEFAULTS } from '../transport';
import { activityFields } from './activityFields';
import { waitForResult } from './waitForResult';

const properties: INodeProperties[] = [
	{
		displayName: 'Request ID',
		name: 'requestId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '{{ $json.requestId }}',
		description: 'The request ID "Submit" returned (or a timed-out "Check Activity" named)',
	},
	commonOptionsProperty(DIGISCORE_DEFAULTS, { perItem: true, wait: true }),
];

async function execute(ctx: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const options = readCommonOptions(ctx, DIGISCORE_DEFAULTS);
	const connection = await connectDigiscore(ctx, options);
	return await runForEachItem(
		ctx,
		async (itemIndex) => {
			const requestId = String(ctx.getNodeParameter('requestId', itemIndex, '') ?? '').trim();
			if (!requestId) throw new ItemInputError('The request ID is empty', 'Set "Request ID" to the field that holds it, e.g. {{ $json.requestId }}.');
			// A request submitted earlier is likely done: look at once.
			return activityFields(await waitForResult(connection, requestId, options, 0));
		},
		options,
	);
}

export const getResultOperation: VendorOperation = {
	value: 'getResult',
	name: 'Get Result',
	action: 'Get the result of a request',
	description: 'Fetch the activity data of a submitted number by its request ID, waiting until it is ready',
	properties,
	execute,
};
