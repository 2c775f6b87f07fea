import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { countryOptionList } from './phone';
import type { PollSchedule } from './poller';

export interface VendorDefaults {
	concurrency: number;
	/** Upper bound of "Concurrency" (default 100); higher for vendors whose items mostly wait. */
	maxConcurrency?: number;
	requestsPerSecond: number;
	/** Default of "Default Country"; '' for vendors that take numbers from anywhere. */
	defaultCountry?: string;
	/** Default of "Max Wait", for operations that wait for a result. */
	maxWaitSeconds?: number;
}

export interface CommonOptions {
	concurrency: number;
	requestsPerSecond: number;
	defaultCountry: string;
	maxWaitMs: number;
	requestTimeoutMs: number;
	includeInputFields: boolean;
}

interface OptionSet {
	phone?: boolean;
	wait?: boolean;
	perItem?: boolean;
}

/** The "Options" collection shared by every vendor operation; each picks the parts it uses. */
export function commonOptionsProperty(defaults: VendorDefaults, use: OptionSet, extra: INodeProperties[] = []): INodeProperties {
	const options: INodeProperties[] = [...extra];
	if (use.phone) {
		options.push({
			displayName: 'Default Country',
			name: 'defaultCountry',
			type: 'options',
			options: countryOptionList(),
			default: defaults.defaultCountry ?? '',
			description: 'Country of numbers written without a country code, such as 0812 3456 7890',
		});
	}
	if (use.perItem) {
		options.push(
			{
				displayName: 'Concurrency',
				name: 'concurrency',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: defaults.maxConcurrency ?? 100 },
				default: defaults.concurrency,
				description: 'How many items are checked at the same time',
			},
			{
				displayName: 'Include Input Fields',
				name: 'includeInputFields',
				type: 'boolean',
				default: true,
				description: 'Whether to keep the fields of each input item beside the result, so rows can be written back as they are',
			},
		);
	}
	options.push(
		{
			displayName: 'Max Requests per Second',
			name: 'requestsPerSecond',
			type: 'number',
			typeOptions: { minValue: 0.1, numberPrecision: 1 },
			default: defaults.requestsPerSecond,
			description: 'Upper limit of calls per second for this credential, shared by all executions of this n8n process',
		},
		{
			displayName: 'Request Timeout (Seconds)',
			name: 'requestTimeoutSeconds',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 30,
			description: 'How long to wait for one answer from the vendor',
		},
	);
	if (use.wait) {
		options.push({
			displayName: 'Max Wait (Seconds)',
			name: 'maxWaitSeconds',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: defaults.maxWaitSeconds ?? 300,
			description: 'How long to wait for a result before failing with the task ID, which the "Get" operation can fetch later',
		});
	}
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: options.sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

export function readCommonOptions(ctx: IExecuteFunctions, defaults: VendorDefaults, itemIndex = 0): CommonOptions {
	const options = ctx.getNodeParameter('options', itemIndex, {}) as Partial<{
		concurrency: number;
		requestsPerSecond: number;
		defaultCountry: string;
		maxWaitSeconds: number;
		requestTimeoutSeconds: number;
		includeInputFields: boolean;
	}>;
	return {
		concurrency: Math.max(1, Math.floor(options.concurrency ?? defaults.concurrency)),
		requestsPerSecond: options.requestsPerSecond ?? defaults.requestsPerSecond,
		defaultCountry: options.defaultCountry ?? defaults.defaultCountry ?? '',
		maxWaitMs: (options.maxWaitSeconds ?? defaults.maxWaitSeconds ?? 300) * 1000,
		requestTimeoutMs: (options.requestTimeoutSeconds ?? 30) * 1000,
		includeInputFields: options.includeInputFields ?? true,
	};
}

/** Poll schedule of a vendor with the user's time limit. */
export function pollSchedule(base: Omit<PollSchedule, 'timeoutMs'>, options: CommonOptions): PollSchedule {
	return { ...base, timeoutMs: options.maxWaitMs };
}
