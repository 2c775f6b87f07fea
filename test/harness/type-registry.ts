import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { NodeHelpers, UnexpectedError } from 'n8n-workflow';
import type {
	ICredentialType,
	IDataObject,
	INodeProperties,
	INodeType,
	INodeTypes,
	IVersionedNodeType,
} from 'n8n-workflow';

const packageRoot = resolve(__dirname, '..', '..');
const fixtureRoot = __dirname;

interface PackageJson {
	name: string;
	n8n?: { nodes?: string[]; credentials?: string[] };
}

/** `dist/nodes/X/X.node.js` -> `nodes/X/X.node.ts`, so jest runs the TypeScript source. */
function sourcePathOf(distEntry: string): string {
	const tsPath = join(packageRoot, distEntry.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
	return existsSync(tsPath) ? tsPath : join(packageRoot, distEntry);
}

function listFixtures(folder: string, suffix: string): string[] {
	const dir = join(fixtureRoot, folder);
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.filter((file) => file.endsWith(suffix))
		.map((file) => join(dir, file));
}

/** Same rule as n8n's DirectoryLoader: the class is named like the file, up to the first dot. */
function instantiate<T>(filePath: string): T {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const moduleExports = require(filePath) as Record<string, unknown>;
	const className = basename(filePath).split('.')[0];
	const exported =
		moduleExports[className] ??
		Object.values(moduleExports).find((value) => typeof value === 'function');
	if (typeof exported !== 'function') {
		throw new UnexpectedError(`No class "${className}" exported by ${filePath}`);
	}
	return new (exported as new () => T)();
}

export function isVersioned(type: INodeType | IVersionedNodeType): type is IVersionedNodeType {
	return 'nodeVersions' in type;
}

export function latestVersionOf(type: INodeType | IVersionedNodeType): number {
	if (isVersioned(type)) {
		return (
			type.description.defaultVersion ?? Math.max(...Object.keys(type.nodeVersions).map(Number))
		);
	}
	const { version } = type.description;
	return Array.isArray(version) ? Math.max(...version) : version;
}

/** The package's nodes and credentials (from package.json `n8n`) plus the harness fixtures. */
export class TypeRegistry implements INodeTypes {
	readonly packageName: string;

	private readonly nodes = new Map<string, INodeType | IVersionedNodeType>();

	private readonly credentials = new Map<string, ICredentialType>();

	/** A broken file must not hide the others: its error is kept and shown when its type is asked for. */
	private readonly loadErrors: string[] = [];

	constructor() {
		const packageJson = JSON.parse(
			readFileSync(join(packageRoot, 'package.json'), 'utf8'),
		) as PackageJson;
		this.packageName = packageJson.name;
		const nodeFiles = [
			...(packageJson.n8n?.nodes ?? []).map(sourcePathOf),
			...listFixtures('nodes', '.node.ts'),
		];
		const credentialFiles = [
			...(packageJson.n8n?.credentials ?? []).map(sourcePathOf),
			...listFixtures('credentials', '.credentials.ts'),
		];
		for (const file of nodeFiles)
			this.load(file, (type: INodeType | IVersionedNodeType) => this.addNode(type));
		for (const file of credentialFiles) {
			this.load(file, (type: ICredentialType) => this.credentials.set(type.name, type));
		}
	}

	private load<T>(file: string, register: (type: T) => void) {
		try {
			register(instantiate<T>(file));
		} catch (error) {
			this.loadErrors.push(`${file}: ${(error as Error).message}`);
		}
	}

	private addNode(type: INodeType | IVersionedNodeType) {
		const { name } = type.description;
		this.nodes.set(name, type);
		this.nodes.set(`${this.packageName}.${name}`, type);
	}

	private unknown(kind: string, name: string, known: Iterable<string>): never {
		const failures = this.loadErrors.length
			? `; files that failed to load: ${this.loadErrors.join(' | ')}`
			: '';
		throw new UnexpectedError(
			`Unknown ${kind} "${name}" (known: ${[...known].join(', ') || 'none'})${failures}`,
		);
	}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		const shortNames = [...this.nodes.keys()].filter((name) => !name.includes('.'));
		return this.nodes.get(nodeType) ?? this.unknown('node type', nodeType, shortNames);
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	getKnownTypes(): IDataObject {
		return Object.fromEntries([...this.nodes.keys()].map((name) => [name, { className: name }]));
	}

	credentialType(name: string): ICredentialType {
		return (
			this.credentials.get(name) ?? this.unknown('credential type', name, this.credentials.keys())
		);
	}

	credentialParentTypes(name: string): string[] {
		const direct = this.credentials.get(name)?.extends ?? [];
		return [...direct, ...direct.flatMap((parent) => this.credentialParentTypes(parent))];
	}

	/** Properties including those inherited through `extends`; the type's own win. */
	credentialProperties(name: string): INodeProperties[] {
		const type = this.credentialType(name);
		const combined: INodeProperties[] = [];
		for (const parent of type.extends ?? []) {
			NodeHelpers.mergeNodeProperties(combined, this.credentialProperties(parent));
		}
		NodeHelpers.mergeNodeProperties(combined, type.properties);
		return combined;
	}

	get loadFailures(): readonly string[] {
		return this.loadErrors;
	}
}
