import { createHash } from 'node:crypto';

/** Digiscore token: md5 (lower hex) of `key=value` pairs of all params but token, plus secret, sorted by key, joined by '&'. */
export function digiscoreToken(params: Record<string, string>, secret: string): string {
	const signed = Object.entries({ ...params, secret })
		.filter(([key]) => key !== 'token')
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
		.map(([key, value]) => `${key}=${value}`)
		.join('&');
	return createHash('md5').update(signed, 'utf8').digest('hex');
}
