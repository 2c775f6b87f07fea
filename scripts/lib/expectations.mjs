// Checks one workflow run (the execution data n8n returns) against an example's expectations.
export const PACKAGE_NODE_PREFIX = 'n8n-nodes-phone-intel.';

const MATCHERS = {
	$exists: (actual, wanted) => (actual !== undefined && actual !== null) === wanted,
	$oneOf: (actual, options) => options.some((option) => matches(actual, option)),
	$type: (actual, type) => (type === 'array' ? Array.isArray(actual) : actual !== null && typeof actual === type),
	$regex: (actual, pattern) => typeof actual === 'string' && new RegExp(pattern).test(actual),
	$gte: (actual, bound) => typeof actual === 'number' && actual >= bound,
	$lte: (actual, bound) => typeof actual === 'number' && actual <= bound,
};

function isMatcher(expected) {
	return expected !== null && typeof expected === 'object' && !Array.isArray(expected) && Object.keys(expected).some((key) => key in MATCHERS);
}

/** Literal values compare equal; objects match partially (listed keys only); arrays match element by element; $-keys are matchers. */
export function matches(actual, expected) {
	if (isMatcher(expected)) return Object.entries(expected).every(([key, value]) => MATCHERS[key]?.(actual, value) ?? false);
	if (Array.isArray(expected)) {
		return Array.isArray(actual) && actual.length === expected.length && expected.every((value, index) => matches(actual[index], value));
	}
	if (expected !== null && typeof expected === 'object') {
		return actual !== null && typeof actual === 'object' && Object.entries(expected).every(([key, value]) => matches(actual[key], value));
	}
	return actual === expected;
}

function valueAt(json, dottedPath) {
	return dottedPath.split('.').reduce((value, key) => (value === undefined || value === null ? undefined : value[key]), json);
}

/** The items of a node's first main output in its last run, or undefined if it did not run. */
export function nodeItems(run, nodeName) {
	const runs = run?.data?.resultData?.runData?.[nodeName];
	if (!runs?.length) return undefined;
	return (runs[runs.length - 1].data?.main?.[0] ?? []).map((item) => item.json);
}

const show = (value) => JSON.stringify(value)?.slice(0, 300);

function checkNode(run, nodeName, expected) {
	const items = nodeItems(run, nodeName);
	if (!items) return [`node "${nodeName}" did not run`];
	const failures = [];
	if (expected.items !== undefined && items.length !== expected.items) failures.push(`node "${nodeName}": ${items.length} items, expected ${expected.items}`);
	for (const [dottedPath, wanted] of Object.entries(expected.every ?? {})) {
		items.forEach((json, index) => {
			const actual = valueAt(json, dottedPath);
			if (!matches(actual, wanted)) failures.push(`node "${nodeName}" item ${index}: ${dottedPath} = ${show(actual)}, expected ${show(wanted)}`);
		});
	}
	(expected.match ?? []).forEach((wanted, index) => {
		if (!matches(items[index], wanted)) failures.push(`node "${nodeName}" item ${index}: ${show(items[index])} does not match ${show(wanted)}`);
	});
	return failures;
}

/**
 * Returns the list of failures (empty = passed): the run succeeded, every enabled node of our pack ran without error,
 * and the example's expect.nodes / expect.simulator hold. simulatorRequests: { vendor: count } for this run.
 */
export function checkRun(example, run, simulatorRequests = {}) {
	if (!run) return ['n8n printed no execution JSON'];
	const failures = [];
	const runData = run.data?.resultData?.runData ?? {};
	const runError = run.data?.resultData?.error;
	if (runError) failures.push(`workflow error: ${runError.message ?? show(runError)}${runError.node?.name ? ` (node "${runError.node.name}")` : ''}`);
	if (run.status !== undefined && run.status !== 'success') failures.push(`execution status "${run.status}", expected "success"`);
	for (const node of example.workflow.nodes) {
		if (node.disabled || !node.type.startsWith(PACKAGE_NODE_PREFIX)) continue;
		const runs = runData[node.name];
		if (!runs?.length) failures.push(`our node "${node.name}" did not run`);
		else if (runs.some((task) => task.error)) failures.push(`our node "${node.name}" failed: ${runs.find((task) => task.error).error.message}`);
	}
	for (const [nodeName, expected] of Object.entries(example.expect.nodes ?? {})) failures.push(...checkNode(run, nodeName, expected));
	for (const [vendor, count] of Object.entries(example.expect.simulator ?? {})) {
		const actual = simulatorRequests[vendor] ?? 0;
		if (!matches(actual, count)) failures.push(`simulator: ${actual} ${vendor} requests, expected ${show(count)}`);
	}
	return failures;
}
