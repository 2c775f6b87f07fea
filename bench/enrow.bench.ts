// Enrow findPhone for 500 people against the simulator at Enrow's limit of 10 POST/s per key:
// wall time against the limit-implied minimum (500 POSTs / 10 per s = 50 s) and 429s.
// ENROW_BENCH_RPS raises the simulator's limit and the node's rate together to shorten the run.
// Prints figures; never passes or fails.
import { runNode } from '../test/harness/engine';
import { SIM_CREDENTIALS, startSimulator } from '../test/simulator';

const PEOPLE = Number(process.env.ENROW_BENCH_PEOPLE ?? 500);
const POSTS_PER_SECOND = Number(process.env.ENROW_BENCH_RPS ?? 10);
const SEARCH_SECONDS = 1.5;
const CONCURRENCY = 50;
const TARGET_RATIO = 1.1;

function leads(count: number, slug: string) {
	return Array.from({ length: count }, (_, index) => ({ linkedin: `https://www.linkedin.com/in/${slug}-${index}` }));
}

export async function main(): Promise<void> {
	const sim = await startSimulator({
		vendors: {
			enrow: { latencyMs: 40, latencyJitterMs: 40, rateLimitPerSecond: POSTS_PER_SECOND, searchDelayMs: SEARCH_SECONDS * 1000 },
		},
	});
	try {
		const findPhones = async (items: Array<{ linkedin: string }>) =>
			await runNode({
				type: 'enrow',
				parameters: {
					operation: 'findPhone',
					linkedinUrl: '={{ $json.linkedin }}',
					options: { requestsPerSecond: POSTS_PER_SECOND, concurrency: CONCURRENCY, maxWaitSeconds: 120 },
				},
				credentials: { enrowApi: { apiKey: SIM_CREDENTIALS.enrow.apiKey, baseUrl: sim.urlFor('enrow') } },
				items,
				timeoutMs: 600_000,
			});
		// Loads the engine and node types first: n8n is already running when a workflow starts.
		await findPhones(leads(1, 'warm-up'));
		sim.reset();

		const startedAt = Date.now();
		const run = await findPhones(leads(PEOPLE, 'lead'));
		const wallSeconds = (Date.now() - startedAt) / 1000;
		if (run.error) console.log('  error              ', run.error.message, run.error.description ?? '');

		const enrow = sim.vendors.enrow;
		const posts = enrow.calls.singleStart ?? 0;
		const reads = enrow.calls.singleResult ?? 0;
		const found = run.items.filter((item) => item.json.found === true).length;
		const minimumSeconds = PEOPLE / POSTS_PER_SECOND;
		const ratio = wallSeconds / minimumSeconds;

		console.log(`Enrow findPhone: ${PEOPLE} people, searches take ${SEARCH_SECONDS} s, 40-80 ms per call, ${POSTS_PER_SECOND} POST/s per key`);
		console.log(`  node options        ${POSTS_PER_SECOND} requests/s, concurrency ${CONCURRENCY}; default polling (2 s, then +25% per check)`);
		console.log(`  run                 ${run.status}, ${run.items.length} items out, ${found} found, ${enrow.charged.length} charged`);
		console.log(`  calls               POST ${posts}, GET ${reads} (${(reads / PEOPLE).toFixed(2)} per person)`);
		console.log(`  429s                ${enrow.rateLimited} (target 0)`);
		console.log(`  wall time           ${wallSeconds.toFixed(2)} s`);
		console.log(`  limit minimum       ${minimumSeconds.toFixed(2)} s (${PEOPLE} POSTs / ${POSTS_PER_SECOND} per s)`);
		console.log(`  ratio               ${ratio.toFixed(3)} (target <= ${TARGET_RATIO})`);
	} finally {
		await sim.close();
	}
}

if (require.main === module) {
	main().then(
		() => process.exit(0),
		(error: unknown) => {
			console.error(error);
			process.exit(1);
		},
	);
}
