// Serves one webhook trigger node on 127.0.0.1 the way n8n's webhook route does for a production
// webhook (responseMode onReceived): n8n-core's real WebhookContext runs the node's webhook(), and
// workflowData starts a run through WorkflowExecute. Pinned to n8n-core 1.122.48 like the harness,
// which has no webhook entry point yet (this belongs there).
import '../harness/env';

import { once } from 'node:events';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import { BinaryDataService, ExecutionLifecycleHooks, ExternalSecretsProxy, WebhookContext, WorkflowExecute } from 'n8n-core';
import { LoggerProxy, Workflow, createRunExecutionData } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	IRun,
	IWebhookData,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { capturingLogger, openLogSink } from '../harness/capturing-logger';
import { PlainCredentialsHelper } from '../harness/credentials-helper';
import { TypeRegistry } from '../harness/type-registry';

const WEBHOOK_ID = '0f5c3c1e-9d3a-4c55-a2f4-enrowtrigger';
const TRIGGER_NAME = 'Enrow Trigger';

export interface TriggerRun {
	run: IRun;
	/** Items the trigger node emitted in this run. */
	items: INodeExecutionData[];
}

export interface ServedTrigger {
	/** The Production URL n8n would show for the node (no secret). */
	url: string;
	runs: TriggerRun[];
	logs: string[];
	close(): Promise<void>;
}

let registry: TypeRegistry | undefined;

async function ready(): Promise<TypeRegistry> {
	if (!registry) {
		LoggerProxy.init(capturingLogger);
		Container.set(Logger, capturingLogger as unknown as Logger);
		await Container.get(BinaryDataService).init();
		registry = new TypeRegistry();
	}
	return registry;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	const text = Buffer.concat(chunks).toString('utf8');
	try {
		return text ? JSON.parse(text) : {};
	} catch {
		return text;
	}
}

function reply(res: ServerResponse, status: number, body: unknown) {
	res.writeHead(status, { 'content-type': 'application/json' });
	res.end(JSON.stringify(body));
}

export async function serveTrigger(
	parameters: IDataObject,
	credentials: Record<string, ICredentialDataDecryptedObject>,
): Promise<ServedTrigger> {
	const types = await ready();
	const logSink = openLogSink();
	const node: INode = {
		id: 'enrow-trigger',
		name: TRIGGER_NAME,
		type: 'enrowTrigger',
		typeVersion: 1,
		position: [0, 0],
		webhookId: WEBHOOK_ID,
		parameters: parameters as INode['parameters'],
		credentials: { enrowApi: { id: '1', name: 'enrowApi' } },
	};
	const workflowData = {
		id: 'trigger-wf',
		name: 'Enrow trigger workflow',
		active: true,
		isArchived: false,
		nodes: [node],
		connections: {},
		settings: { executionOrder: 'v1' },
		createdAt: new Date(),
		updatedAt: new Date(),
	} as IWorkflowBase;
	const workflow = new Workflow({ ...workflowData, nodeTypes: types });
	const nodeType = types.getByNameAndVersion(node.type, node.typeVersion);
	const webhookDescription = nodeType.description.webhooks?.[0];
	if (!webhookDescription || !nodeType.webhook) throw new Error('enrowTrigger has no webhook');
	const path = `/webhook/${WEBHOOK_ID}/${String(webhookDescription.path)}`;
	const runs: TriggerRun[] = [];
	let executions = 0;

	const additionalDataFor = (httpRequest?: IncomingMessage, httpResponse?: ServerResponse) =>
		({
			credentialsHelper: new PlainCredentialsHelper(types, credentials),
			executionId: `trigger-${++executions}`,
			currentNodeExecutionIndex: 0,
			restApiUrl: 'http://localhost:5678/rest',
			instanceBaseUrl: 'http://localhost:5678',
			formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
			webhookBaseUrl: 'http://localhost:5678/webhook',
			webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
			webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
			variables: {},
			userId: 'harness-user',
			externalSecretsProxy: Container.get(ExternalSecretsProxy),
			executeWorkflow: async () => {
				throw new Error('not supported');
			},
			getRunExecutionData: async () => undefined,
			logAiEvent: () => {},
			startRunnerTask: async () => {
				throw new Error('not supported');
			},
			httpRequest,
			httpResponse,
		}) as unknown as IWorkflowExecuteAdditionalData;

	const startRun = async (items: INodeExecutionData[][]) => {
		const additionalData = additionalDataFor();
		additionalData.hooks = new ExecutionLifecycleHooks('webhook', additionalData.executionId as string, workflowData);
		const runExecutionData = createRunExecutionData({
			executionData: { nodeExecutionStack: [{ node, data: { main: items }, source: null }] },
		});
		const run = await new WorkflowExecute(additionalData, 'webhook', runExecutionData).processRunExecutionData(workflow);
		runs.push({ run, items: run.data.resultData.runData[TRIGGER_NAME]?.[0]?.data?.main?.[0] ?? [] });
	};

	const onRequest = async (req: IncomingMessage, res: ServerResponse) => {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		if (req.method !== 'POST' || url.pathname !== path) return reply(res, 404, { message: 'The requested webhook is not registered.' });
		const request = Object.assign(req, {
			body: await readJson(req),
			query: Object.fromEntries(url.searchParams),
			params: {},
		});
		const additionalData = additionalDataFor(request, res);
		const webhookData: IWebhookData = {
			httpMethod: 'POST',
			node: node.name,
			path: path.slice('/webhook/'.length),
			webhookDescription,
			workflowId: workflowData.id,
			workflowExecuteAdditionalData: additionalData,
			webhookId: WEBHOOK_ID,
		};
		const context = new WebhookContext(workflow, node, additionalData, 'webhook', webhookData, [], null);
		const result = await nodeType.webhook!.call(context);
		if (result.noWebhookResponse) return;
		if (!result.workflowData) return reply(res, 200, result.webhookResponse ?? { message: 'Webhook call received' });
		reply(res, 200, { message: 'Workflow was started' });
		await startRun(result.workflowData);
	};

	const server: Server = createServer((req, res) => {
		onRequest(req, res).catch((error: Error) => {
			if (!res.headersSent) reply(res, 500, { message: error.message });
		});
	});
	server.listen(0, '127.0.0.1');
	await once(server, 'listening');
	const { port } = server.address() as AddressInfo;

	return {
		url: `http://127.0.0.1:${port}${path}`,
		runs,
		logs: logSink.lines,
		close: async () => {
			logSink.close();
			server.closeAllConnections();
			server.close();
			await once(server, 'close');
		},
	};
}
