import { NodeConnectionTypes, sleepWithAbort } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

/** Test-only node: waits on the execution cancel signal, to prove cancel() reaches nodes. */
export class WaitForCancel implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Wait For Cancel (test fixture)',
		name: 'waitForCancel',
		group: ['transform'],
		version: 1,
		description: 'Waits, ending early when the execution is canceled',
		defaults: { name: 'Wait For Cancel' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{
				displayName: 'Wait (ms)',
				name: 'waitMs',
				type: 'number',
				default: 60000,
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const waitMs = this.getNodeParameter('waitMs', 0) as number;
		await sleepWithAbort(waitMs, this.getExecutionCancelSignal());
		return [this.getInputData()];
	}
}
