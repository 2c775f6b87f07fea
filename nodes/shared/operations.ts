import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** One operation of a vendor node: its parameters and what it does. */
export interface VendorOperation {
	value: string;
	name: string;
	action: string;
	description: string;
	properties: INodeProperties[];
	execute: (ctx: IExecuteFunctions) => Promise<INodeExecutionData[]>;
}

function showFor(property: INodeProperties, operation: string): INodeProperties {
	const show = property.displayOptions?.show ?? {};
	return {
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { ...show, operation: [...((show.operation as string[] | undefined) ?? []), operation] },
		},
	};
}

/** The operation selector followed by each operation's parameters, shown only for it. */
export function operationProperties(operations: VendorOperation[], defaultOperation: string): INodeProperties[] {
	return [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			options: operations.map(({ name, value, action, description }) => ({ name, value, action, description })),
			default: defaultOperation,
		},
		...operations.flatMap((operation) => operation.properties.map((property) => showFor(property, operation.value))),
	];
}

export async function executeOperation(
	ctx: IExecuteFunctions,
	operations: VendorOperation[],
): Promise<INodeExecutionData[][]> {
	const operationName = ctx.getNodeParameter('operation', 0) as string;
	const operation = operations.find(({ value }) => value === operationName);
	if (!operation) {
		throw new NodeOperationError(ctx.getNode(), `The operation "${operationName}" is not supported`);
	}
	return [await operation.execute(ctx)];
}
