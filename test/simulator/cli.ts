import { parseArgs } from 'node:util';

import { REALISTIC_CONFIG, SIM_CREDENTIALS, startSimulator, type VendorName } from './index';

const USAGE = 'usage: node cli.js [--port 4010] [--host 127.0.0.1] [--realistic]';

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			port: { type: 'string', default: '4010' },
			host: { type: 'string', default: '127.0.0.1' },
			realistic: { type: 'boolean', default: false },
			help: { type: 'boolean', default: false },
		},
	});
	if (values.help) {
		console.log(USAGE);
		return;
	}
	const port = Number(values.port);
	if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid --port ${values.port}\n${USAGE}`);
	const sim = await startSimulator({
		host: values.host,
		port,
		vendors: values.realistic ? REALISTIC_CONFIG : {},
	});
	console.log(`Phone-intel vendor simulator on ${sim.baseUrl}${values.realistic ? ' (realistic delays)' : ''}`);
	for (const name of Object.keys(sim.vendors) as VendorName[]) {
		console.log(`  ${name.padEnd(14)} ${sim.urlFor(name)}  credentials ${JSON.stringify(SIM_CREDENTIALS[name])}`);
	}
	console.log(`  control API    ${sim.baseUrl}/__sim/health | stats | requests | reset | faults | config`);
	const stop = (signal: string) => {
		console.log(`${signal}: stopping simulator`);
		sim.close().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.once('SIGINT', () => stop('SIGINT'));
	process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
	console.error((error as Error).message);
	process.exit(1);
});
