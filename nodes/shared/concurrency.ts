/**
 * Runs `worker` over `count` indexes with at most `limit` in flight, in index order of start.
 * `shouldStop` is checked before each start so a failure or a cancel stops spending credits.
 */
export async function forEachConcurrent(
	count: number,
	limit: number,
	worker: (index: number) => Promise<void>,
	shouldStop: () => boolean = () => false,
): Promise<void> {
	let next = 0;
	const lanes = Array.from({ length: Math.max(1, Math.min(limit, count)) }, async () => {
		while (next < count && !shouldStop()) {
			const index = next++;
			await worker(index);
		}
	});
	await Promise.all(lanes);
}
