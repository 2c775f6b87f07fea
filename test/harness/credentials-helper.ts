import { ICredentialsHelper, NodeHelpers, UnexpectedError, isExpression } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeProperties,
	IRequestOptionsSimplified,
	IWorkflowExecuteAdditionalData,
	Workflow,
} from 'n8n-workflow';

import type { TypeRegistry } from './type-registry';

/** Plain credential data by type, with the type's `authenticate` applied as n8n's CLI does. */
export class PlainCredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly registry: TypeRegistry,
		private readonly dataByType: Record<string, ICredentialDataDecryptedObject>,
	) {
		super();
	}

	/** The data with the type's defaults filled in (n8n's applyDefaultsAndOverwrites, no overwrites). */
	withDefaults(type: string, data: ICredentialDataDecryptedObject): ICredentialDataDecryptedObject {
		const properties = this.registry.credentialProperties(type);
		const withDefaults = NodeHelpers.getNodeParameters(
			properties,
			data as never,
			true,
			false,
			null,
			null,
		);
		return { ...data, ...(withDefaults as ICredentialDataDecryptedObject) };
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.dataByType[type];
		if (data === undefined) {
			throw new UnexpectedError(`The test gave no credentials of type "${type}"`);
		}
		return this.withDefaults(type, data);
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		incomingRequestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow: Workflow,
		node: INode,
	): Promise<IHttpRequestOptions> {
		const requestOptions = incomingRequestOptions as IHttpRequestOptions;
		const { authenticate } = this.registry.credentialType(typeName);
		if (authenticate === undefined) return requestOptions;
		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions);
		}
		requestOptions.headers ??= {};
		const resolve = (value: string) => this.resolveValue(value, credentials, workflow, node);
		for (const [target, entries] of Object.entries(authenticate.properties)) {
			const options = requestOptions as unknown as Record<string, Record<string, unknown>>;
			options[target] ??= {};
			for (const [key, value] of Object.entries(entries as Record<string, string>)) {
				options[target][resolve(key)] = resolve(value);
			}
		}
		return requestOptions;
	}

	private resolveValue(
		value: string,
		credentials: ICredentialDataDecryptedObject,
		workflow: Workflow,
		node: INode,
	): string {
		if (!isExpression(value)) return value;
		const resolved = workflow.expression.getSimpleParameterValue(
			node,
			value,
			'internal',
			{ $credentials: credentials },
			undefined,
			'',
		);
		return resolved ? String(resolved) : '';
	}

	async preAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	getParentTypes(name: string): string[] {
		return this.registry.credentialParentTypes(name);
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.registry.credentialProperties(type);
	}

	async getCredentials(): Promise<ICredentials> {
		throw new UnexpectedError('The harness has no stored (encrypted) credentials');
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}
}
