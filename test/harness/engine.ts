// Runs workflow JSON through n8n-core's real WorkflowExecute. The only file here that touches
// n8n-core internals: they are pinned to n8n-core 1.122.48 / n8n-workflow 1.120.31.
import './env';

import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import {
	BinaryDataService,
	ExecuteContext,
	ExecutionLifecycleHooks,
	ExternalSecretsProxy,
	RoutingNode,
	WorkflowExecute,
	WorkflowHasIssuesError,
} from 'n8n-core';
import { SSHClientsManager } from 'n8n-core/dist/execution-engine/ssh-clients-manager';
import { LoggerProxy, NodeConnectionTypes, Workflow, createRunExecutionData } from 'n8n-workflow';
import type {
	ExecutionError,
	ICredentialDataDecryptedObject,
	IConnections,
	IDataObject,
	IExecuteData,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IRun,
	IRunData,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	IWorkflowSettings,
} from 'n8n-workflow';

import { capturingLogger, openLogSink } from './capturing-logger';
import { PlainCredentialsHelper } from './credentials-helper';
import { TypeRegistry, latestVersionOf } from './type-registry';

export interface RunOptions {
	workflow: {
		nodes: INode[] | Array<Partial<INode>>;
		connections: IConnections;
		settings?: IWorkflowSettings;
	};
	/** Plain credential data keyed by credential TYPE name. */
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	/** Default 60000. */
	timeoutMs?: number;
}

export interface RunHandle {
	result: Promise<RunResult>;
	cancel(): void;
}

export interface RunResult {
	status: 'success' | 'error' | 'canceled' | string;
	error?: {
		message: string;
		description?: string;
		name?: string;
		node?: string;
		[k: string]: unknown;
	};
	runData: IRunData;
	/** Items of the last run of that node; throws if the node never ran. */
	output(nodeName: string, outputIndex?: number): INodeExecutionData[];
	/** Every log line the engine (LoggerProxy) and nodes (`this.logger`) emitted during the run. */
	logs: string[];
}

export interface RunNodeOptions {
	/** Node type name as in `description.name`, e.g. 'trustDecision'. */
	type: string;
	parameters: INodeParameters;
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	items: IDataObject[] | INodeExecutionData[];
	continueOnFail?: boolean;
	/** Default 'Node under test'. */
	nodeName?: string;
	/** Default: the type's latest (or default) version. */
	typeVersion?: number;
	timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 60_000;
/** After cancel(), how long the engine may take to settle before the run is reported from the cancel hook. */
const CANCEL_GRACE_MS = 250;
const BASE_URL = 'http://localhost:5678';

let setup: Promise<TypeRegistry> | undefined;
let executionCounter = 0;

/** Once per jest module registry: logger, binary data service, node and credential types. */
async function harnessReady(): Promise<TypeRegistry> {
	setup ??= (async () => {
		LoggerProxy.init(capturingLogger);
		Container.set(Logger, capturingLogger as unknown as Logger);
		await Container.get(BinaryDataService).init();
		// Every node context builds this manager, whose 60 s cleanup interval would keep jest from exiting.
		(
			Container.get(SSHClientsManager) as unknown as { cleanupTimer: NodeJS.Timeout }
		).cleanupTimer.unref();
		return new TypeRegistry();
	})();
	return await setup;
}

function buildAdditionalData(
	credentialsHelper: PlainCredentialsHelper,
	executionId: string,
): IWorkflowExecuteAdditionalData {
	const unsupported = (feature: string) => async () => {
		throw new Error(`${feature} is not supported by the test harness`);
	};
	return {
		credentialsHelper,
		executionId,
		currentNodeExecutionIndex: 0,
		restApiUrl: `${BASE_URL}/rest`,
		instanceBaseUrl: BASE_URL,
		formWaitingBaseUrl: `${BASE_URL}/form-waiting`,
		webhookBaseUrl: `${BASE_URL}/webhook`,
		webhookWaitingBaseUrl: `${BASE_URL}/webhook-waiting`,
		webhookTestBaseUrl: `${BASE_URL}/webhook-test`,
		variables: {},
		userId: 'harness-user',
		externalSecretsProxy: Container.get(ExternalSecretsProxy),
		executeWorkflow: unsupported('Executing sub-workflows'),
		getRunExecutionData: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: unsupported('Task runners'),
	};
}

/** Fills what hand-written workflow JSON leaves out: id, position, version, parameters, credentials. */
function completeNodes(nodes: Array<Partial<INode>>, registry: TypeRegistry): INode[] {
	return nodes.map((partial, index) => {
		if (!partial.type) throw new Error(`Node #${index} (${partial.name ?? 'unnamed'}) has no type`);
		const typeVersion = partial.typeVersion ?? latestVersionOf(registry.getByName(partial.type));
		const declared =
			registry.getByNameAndVersion(partial.type, typeVersion).description.credentials ?? [];
		const credentials =
			partial.credentials ??
			Object.fromEntries(declared.map(({ name }) => [name, { id: '1', name }]));
		return {
			...partial,
			id: partial.id ?? `harness-node-${index}`,
			name: partial.name ?? `${partial.type} ${index}`,
			type: partial.type,
			typeVersion,
			position: partial.position ?? [index * 220, 0],
			parameters: partial.parameters ?? {},
			credentials,
		};
	});
}

/** The first node nothing connects into: that is where a manual run starts. */
function findStartNode(nodes: INode[], connections: IConnections): INode {
	const fed = new Set(
		Object.values(connections).flatMap((byType) =>
			Object.values(byType).flatMap((outputs) =>
				outputs.flatMap((targets) => (targets ?? []).map((target) => target.node)),
			),
		),
	);
	const start = nodes.find((node) => !node.disabled && !fed.has(node.name));
	if (!start)
		throw new Error('The workflow has no start node (every node has an input connection)');
	return start;
}

function describeError(error: ExecutionError | undefined): RunResult['error'] {
	if (!error) return undefined;
	const { node, ...rest } = error as unknown as Record<string, unknown> & { node?: INode };
	return {
		...rest,
		message: error.message,
		name: error.name,
		description: error.description ?? undefined,
		node: node?.name,
	};
}

function toRunResult(run: IRun, logs: string[]): RunResult {
	const { runData } = run.data.resultData;
	return {
		status: run.status,
		error: describeError(run.data.resultData.error),
		runData,
		logs,
		output(nodeName, outputIndex = 0) {
			const tasks = runData[nodeName];
			if (!tasks?.length) {
				throw new Error(
					`Node "${nodeName}" did not run (ran: ${Object.keys(runData).join(', ') || 'none'})`,
				);
			}
			return tasks[tasks.length - 1].data?.[NodeConnectionTypes.Main]?.[outputIndex] ?? [];
		},
	};
}

function failedRun(error: Error): IRun {
	const executionError = { ...error, message: error.message, name: error.name } as ExecutionError;
	return {
		data: createRunExecutionData({ resultData: { runData: {}, error: executionError } }),
		mode: 'manual',
		startedAt: new Date(),
		stoppedAt: new Date(),
		status: 'error',
	};
}

async function execute(
	opts: RunOptions,
	control: { cancelRequested: boolean; cancel?: () => void },
): Promise<RunResult> {
	const registry = await harnessReady();
	const logSink = openLogSink();
	try {
		const nodes = completeNodes(opts.workflow.nodes, registry);
		const { connections } = opts.workflow;
		const settings: IWorkflowSettings = { executionOrder: 'v1', ...opts.workflow.settings };
		const workflowData = {
			id: 'harness',
			name: 'Harness workflow',
			active: false,
			isArchived: false,
			nodes,
			connections,
			settings,
			createdAt: new Date(),
			updatedAt: new Date(),
		} as IWorkflowBase;
		const workflow = new Workflow({ ...workflowData, nodeTypes: registry });

		const executionId = `harness-${++executionCounter}`;
		const credentialsHelper = new PlainCredentialsHelper(registry, opts.credentials ?? {});
		const additionalData = buildAdditionalData(credentialsHelper, executionId);
		const hooks = new ExecutionLifecycleHooks('manual', executionId, workflowData);
		additionalData.hooks = hooks;

		const startNode = findStartNode(nodes, connections);
		const runExecutionData = createRunExecutionData({
			executionData: {
				nodeExecutionStack: [{ node: startNode, data: { main: [[{ json: {} }]] }, source: null }],
			},
		});
		const workflowExecute = new WorkflowExecute(additionalData, 'manual', runExecutionData);

		let running: ReturnType<WorkflowExecute['processRunExecutionData']>;
		try {
			running = workflowExecute.processRunExecutionData(workflow);
		} catch (error) {
			if (!(error instanceof WorkflowHasIssuesError)) throw error;
			// The engine refuses before running; name the nodes and parameters so the test says why.
			const issues = workflowExecute.checkReadyForExecution(workflow, {
				startNode: startNode.name,
			});
			const result = toRunResult(failedRun(error), logSink.lines);
			result.error = {
				...result.error,
				message: error.message,
				description: JSON.stringify(issues),
				issues,
			};
			return result;
		}

		const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
		let timedOut = false;
		let timer: NodeJS.Timeout | undefined;
		const run = await new Promise<IRun>((resolve) => {
			hooks.addHandler('workflowExecuteAfter', (fullRunData) => {
				// On cancel the engine reports at once, but settles only when the running node returns.
				if (control.cancelRequested) setTimeout(() => resolve(fullRunData), CANCEL_GRACE_MS);
			});
			running.then(resolve, (error: Error) => resolve(failedRun(error)));
			control.cancel = () => running.cancel();
			timer = setTimeout(() => {
				timedOut = true;
				control.cancelRequested = true;
				running.cancel();
			}, timeoutMs);
			if (control.cancelRequested) running.cancel();
		}).finally(() => clearTimeout(timer));
		const result = toRunResult(run, logSink.lines);
		if (timedOut) {
			result.error = {
				...result.error,
				message: `The run exceeded timeoutMs (${timeoutMs} ms)`,
				name: 'HarnessTimeout',
			};
		}
		return result;
	} finally {
		logSink.close();
	}
}

export function startWorkflow(opts: RunOptions): RunHandle {
	const control: { cancelRequested: boolean; cancel?: () => void } = { cancelRequested: false };
	return {
		result: execute(opts, control),
		cancel() {
			control.cancelRequested = true;
			control.cancel?.();
		},
	};
}

export async function runWorkflow(opts: RunOptions): Promise<RunResult> {
	return await startWorkflow(opts).result;
}

const SOURCE_NODE_NAME = 'Items';

export function startNode(
	opts: RunNodeOptions,
): RunHandle & { result: Promise<RunResult & { items: INodeExecutionData[] }> } {
	const nodeName = opts.nodeName ?? 'Node under test';
	const handle = startWorkflow({
		workflow: {
			nodes: [
				{
					name: SOURCE_NODE_NAME,
					type: 'itemsSource',
					parameters: { items: JSON.stringify(opts.items) },
				},
				{
					name: nodeName,
					type: opts.type,
					typeVersion: opts.typeVersion,
					parameters: opts.parameters,
					...(opts.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
				},
			],
			connections: {
				[SOURCE_NODE_NAME]: {
					main: [[{ node: nodeName, type: NodeConnectionTypes.Main, index: 0 }]],
				},
			},
		},
		credentials: opts.credentials,
		timeoutMs: opts.timeoutMs,
	});
	return {
		cancel: handle.cancel,
		result: handle.result.then((result) => ({
			...result,
			items: result.runData[nodeName] ? result.output(nodeName) : [],
		})),
	};
}

export async function runNode(
	opts: RunNodeOptions,
): Promise<RunResult & { items: INodeExecutionData[] }> {
	return await startNode(opts).result;
}

/** Node types holding only the throw-away node a credential test runs as (like n8n's CredentialsTester). */
function singleNodeTypes(nodeType: INodeType): INodeTypes {
	return {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	};
}

/** The credential type's `test` request, authenticated, judged by its `rules`, as n8n's CredentialsTester. */
export async function testCredential(
	type: string,
	data: ICredentialDataDecryptedObject,
): Promise<{ status: 'OK' | 'Error'; message: string }> {
	const registry = await harnessReady();
	const credentialType = registry.credentialType(type);
	const testRequest = credentialType.test;
	if (!testRequest)
		return { status: 'Error', message: 'No testing function found for this credential.' };

	const credentialsHelper = new PlainCredentialsHelper(registry, { [type]: data });
	const credentialsDecrypted = {
		id: '1',
		name: type,
		type,
		data: credentialsHelper.withDefaults(type, data),
	};
	const nodeType: INodeType = {
		description: {
			displayName: 'Credential test',
			name: 'harnessCredentialTest',
			group: ['input'],
			version: 1,
			description: '',
			defaults: { name: 'Temp-Node' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			credentials: [{ name: type, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: testRequest.request },
					default: '',
				},
			],
		},
	};
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: nodeType.description.name,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [type]: { id: '1', name: type } },
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: singleNodeTypes(nodeType),
	});
	const executeData: IExecuteData = { node, data: {}, source: null };
	const context = new ExecuteContext(
		workflow,
		node,
		buildAdditionalData(credentialsHelper, 'harness-credential-test'),
		'internal',
		createRunExecutionData({ resultData: { runData: {} } }),
		0,
		[],
		{ main: [[{ json: {} }]] },
		executeData,
		[],
	);

	let response: INodeExecutionData[][] | undefined;
	try {
		response = await new RoutingNode(context, nodeType, credentialsDecrypted).runNode();
	} catch (error) {
		// n8n-workflow 1.120 loses Error causes (a class field resets `cause`): read the status from `httpCode`.
		const status = Number((error as { httpCode?: string | null }).httpCode);
		const rule = (testRequest.rules ?? []).find(
			(candidate) => candidate.type === 'responseCode' && candidate.properties.value === status,
		);
		if (rule) return { status: 'Error', message: rule.properties.message };
		return { status: 'Error', message: (error as Error).message };
	}

	const body = response?.[0]?.[0]?.json ?? {};
	for (const rule of testRequest.rules ?? []) {
		if (
			rule.type === 'responseSuccessBody' &&
			valueAtPath(body, rule.properties.key) === rule.properties.value
		) {
			return { status: 'Error', message: rule.properties.message };
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}

/** lodash-style `a.b.c` lookup, as the rules' `key` is written. */
function valueAtPath(source: IDataObject, path: string): unknown {
	return path
		.split('.')
		.reduce<unknown>((value, key) => (value as IDataObject | undefined)?.[key], source);
}
