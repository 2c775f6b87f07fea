import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readCommonOptions } from '../../shared/options';
import type { CommonOptions, VendorDefaults } from '../../shared/options';
import type { PollSchedule } from '../../shared/poller';
import { VendorClient } from '../../shared/vendorClient';
import { apiBaseUrl, ENROW, ENROW_MAX_BULK_SEARCHES } from '../transport';
import type { EnrowCredentials } from '../transport';
import type { NameFieldStyle } from './searchInput';

/** Searches wait in parallel while only their POSTs are spaced to the vendor's 10 per second. */
export const ENROW_SINGLE_DEFAULTS: VendorDefaults = { concurrency: 20, requestsPerSecond: 10, maxWaitSeconds: 300 };

/** A batch of 3,000 can take the better part of an hour at Enrow. */
export const ENROW_BULK_DEFAULTS: VendorDefaults = { concurrency: 1, requestsPerSecond: 10, maxWaitSeconds: 3600 };

const DEFAULT_POLL_INTERVAL_SECONDS = 2;
const MAX_POLL_INTERVAL_MS = 15_000;

export const pollIntervalOption: INodeProperties = {
	displayName: 'Poll Interval (Seconds)',
	name: 'pollIntervalSeconds',
	type: 'number',
	typeOptions: { minValue: 0.05, numberPrecision: 2 },
	default: DEFAULT_POLL_INTERVAL_SECONDS,
	description: 'Wait before the first result check; later checks space out by a quarter each time, up to 15 seconds',
};

export const nameFieldStyleOption: INodeProperties = {
	displayName: 'Name Field Names',
	name: 'nameFieldStyle',
	type: 'options',
	options: [
		{ name: 'As on the API Page (Firstname, Lastname)', value: 'page' },
		{ name: 'As in Enrow\'s SDK (First_name, Last_name)', value: 'sdk' },
	],
	default: 'page',
	description: 'Enrow\'s API page and its SDK spell the name fields differently; the page\'s names are sent unless this says otherwise',
};

export const batchSizeOption: INodeProperties = {
	displayName: 'Batch Size',
	name: 'batchSize',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: ENROW_MAX_BULK_SEARCHES },
	default: ENROW_MAX_BULK_SEARCHES,
	description: 'Searches per bulk request (Enrow takes at most 3,000); more items are split into several bulk searches',
};

export const includeInputFieldsOption: INodeProperties = {
	displayName: 'Include Input Fields',
	name: 'includeInputFields',
	type: 'boolean',
	default: true,
	description: 'Whether to keep the fields of each input item beside the result, so leads can be written back as they are',
};

export interface EnrowOptions extends CommonOptions {
	pollIntervalMs: number;
	nameFieldStyle: NameFieldStyle;
	batchSize: number;
}

export function readEnrowOptions(ctx: IExecuteFunctions, defaults: VendorDefaults): EnrowOptions {
	const raw = ctx.getNodeParameter('options', 0, {}) as Partial<{
		pollIntervalSeconds: number;
		nameFieldStyle: NameFieldStyle;
		batchSize: number;
	}>;
	const batchSize = Math.floor(raw.batchSize ?? ENROW_MAX_BULK_SEARCHES);
	return {
		...readCommonOptions(ctx, defaults),
		pollIntervalMs: Math.max(50, (raw.pollIntervalSeconds ?? DEFAULT_POLL_INTERVAL_SECONDS) * 1000),
		nameFieldStyle: raw.nameFieldStyle === 'sdk' ? 'sdk' : 'page',
		batchSize: Math.min(ENROW_MAX_BULK_SEARCHES, Math.max(1, batchSize)),
	};
}

export function enrowPollSchedule(options: EnrowOptions): PollSchedule {
	return {
		firstDelayMs: options.pollIntervalMs,
		intervalMs: options.pollIntervalMs,
		growth: 1.25,
		maxIntervalMs: Math.max(options.pollIntervalMs, MAX_POLL_INTERVAL_MS),
		timeoutMs: options.maxWaitMs,
	};
}

/** The client of this node's credential and the API base it points at. */
export async function enrowClient(ctx: IExecuteFunctions, options: CommonOptions): Promise<{ client: VendorClient; baseUrl: string }> {
	const client = await VendorClient.create(ctx, ENROW, options);
	const credentials = (await ctx.getCredentials(ENROW.credentialType)) as unknown as EnrowCredentials;
	return { client, baseUrl: apiBaseUrl(credentials) };
}
