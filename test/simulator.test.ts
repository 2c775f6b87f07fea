import { createHash } from 'node:crypto';

import { request } from 'undici';

import { SIM_CREDENTIALS, type Simulator, startSimulator, type VendorName } from './simulator';
import { digiscoreToken } from './simulator/vendors/digiscore/token';

const TD = SIM_CREDENTIALS.trustdecision;
const DS = SIM_CREDENTIALS.digiscore;
const TD_AUTH = { partner_code: TD.partnerCode, partner_key: TD.partnerKey };

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

interface Answer {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	json: Record<string, any>;
}

let sim: Simulator;

beforeAll(async () => {
	sim = await startSimulator();
});
afterAll(async () => {
	await sim.close();
});
beforeEach(() => sim.reset());

async function call(url: string, method: string, body?: string, contentType = 'application/json'): Promise<Answer> {
	const response = await request(url, {
		method: method as 'POST',
		headers: body === undefined ? {} : { 'content-type': contentType },
		body,
	});
	const text = await response.body.text();
	return { status: response.statusCode, headers: response.headers, json: text ? JSON.parse(text) : {} };
}

function tdCall(body: unknown, query: Record<string, string> = TD_AUTH, path = '/v1/phone/association'): Promise<Answer> {
	return call(`${sim.urlFor('trustdecision')}${path}?${new URLSearchParams(query)}`, 'POST', JSON.stringify(body));
}

const applicant = (phone = '081234567891') => ({ country: 'ID', phone_number: phone, id_type: 'KTP', id_number: '3310225629467', name: 'Joe' });

function signed(params: Record<string, string>, secret: string = DS.secret): Record<string, string> {
	const text = Object.keys({ ...params, secret })
		.sort()
		.map((key) => `${key}=${key === 'secret' ? secret : params[key]}`)
		.join('&');
	return { ...params, token: md5(text) };
}

function dsCall(endpoint: 'handle' | 'query', params: Record<string, string>): Promise<Answer> {
	return call(`${sim.urlFor('digiscore')}/api/data/numberActive/${endpoint}`, 'POST', JSON.stringify(params));
}

const handle = (phone: string) => dsCall('handle', signed({ appKey: DS.appKey, phone }));
const query = (requestId: string) => dsCall('query', signed({ appKey: DS.appKey, requestId }));

describe('TrustDecision', () => {
	test('code 200 results take the shapes of the vendor page, each charged once with a unique sequence_id', async () => {
		const full = await tdCall({ ...applicant(), emergency_contact_id: '3310225629468', emergency_contact_phone: '081298765432', emergency_contact_name: 'Ann' });
		const relationOnly = await tdCall({ ...applicant(), emergency_contact_id: '3310225629468' });
		const unknown = await tdCall({ ...applicant(), emergency_contact_id: '3310225629468', emergency_contact_phone: '081200000000' });
		const applicantOnly = await tdCall(applicant());

		expect(full.status).toBe(200);
		expect(full.json).toEqual({
			code: 200,
			message: '',
			sequence_id: expect.stringMatching(/^\d{13}[0-9A-F]{19}$/),
			result: {
				phone_number_count: 2,
				applicator_result: { is_recently_used: 'False', is_frequently_used: 'False', is_other: 'False' },
				emergency_contact_result: { relation_with_applicator: 'Children', is_recently_used: 'True', is_frequently_used: 'False', is_other: 'False' },
			},
		});
		expect(Object.keys(relationOnly.json.result.emergency_contact_result)).toEqual(['relation_with_applicator']);
		expect(unknown.json.result.emergency_contact_result).toEqual({
			relation_with_applicator: 'Unknown',
			is_recently_used: 'Unknown',
			is_frequently_used: 'Unknown',
			is_other: 'Unknown',
		});
		expect(applicantOnly.json.result).not.toHaveProperty('emergency_contact_result');
		const sequenceIds = [full, relationOnly, unknown, applicantOnly].map((answer) => answer.json.sequence_id);
		expect(new Set(sequenceIds).size).toBe(4);
		expect(sim.vendors.trustdecision.charged.map((charge) => charge.ref)).toEqual(sequenceIds);
		expect(sim.vendors.trustdecision.calls).toEqual({ phoneAssociation: 4 });
	});

	test('answers under any path below its prefix', async () => {
		expect((await tdCall(applicant(), TD_AUTH, '')).json.code).toBe(200);
		expect((await tdCall(applicant(), TD_AUTH, '/customer/specific/path')).json.code).toBe(200);
	});

	test.each([
		[{ partner_code: TD.partnerCode }, 11301, 'partner_key empty'],
		[{ partner_key: TD.partnerKey }, 11301, 'partner_code empty'],
		[{ partner_code: TD.partnerCode, partner_key: 'wrong' }, 11340, 'partner_key error'],
		[{ partner_code: 'other', partner_key: TD.partnerKey }, 11340, 'partner_code error'],
	])('auth %j -> HTTP 200 code %i', async (queryParams, code, message) => {
		const answer = await tdCall(applicant(), queryParams as Record<string, string>);
		expect(answer.status).toBe(200);
		expect(answer.json).toEqual({ code, message, sequence_id: expect.any(String) });
		expect(sim.vendors.trustdecision.charged).toHaveLength(0);
	});

	test.each([
		[{ id_number: undefined }, 11301, 'id_number empty'],
		[{ id_type: '' }, 11301, 'id_type empty'],
		[{ phone_number: undefined }, 11301, 'phone_number empty'],
		[{ country: undefined }, 11301, 'country empty'],
		[{ id_type: 'NIK' }, 11340, 'id_type error'],
		[{ phone_number: '6281234567890' }, 11340, 'phone_number error'],
		[{ phone_number: '0812-3456-7890' }, 11340, 'phone_number error'],
		[{ country: 'SG' }, 11340, 'country error'],
		[{ emergency_contact_phone: '12345' }, 11340, 'emergency_contact_phone error'],
		[{ id_number: 3310225629467 }, 11340, 'id_number error'],
	])('body change %j -> code %i', async (change, code, message) => {
		const answer = await tdCall({ ...applicant(), ...change });
		expect(answer.json).toMatchObject({ code, message });
		expect(sim.vendors.trustdecision.charged).toHaveLength(0);
	});

	test.each([
		['081234560000', 12701, 'No record'],
		['081234560300', 300, 'Service not purchased or not effective'],
		['081234560301', 301, 'Service not purchased'],
		['081234560302', 302, 'Traffic blocked'],
		['081234560303', 303, 'Traffic insufficient'],
		['081234560304', 304, 'Service expired'],
		['081234560305', 305, 'Daily cap reached'],
		['081234561304', 11304, 'The country partner located is not open'],
		['081234561350', 11350, 'Internal error'],
	])('phone %s -> code %i, not charged', async (phone, code, message) => {
		const answer = await tdCall(applicant(phone));
		expect(answer.json).toEqual({ code, message, sequence_id: expect.any(String) });
		expect(answer.json).not.toHaveProperty('result');
		expect(sim.vendors.trustdecision.charged).toHaveLength(0);
	});

	test('a daily cap turns charged answers into code 305', async () => {
		sim.vendors.trustdecision.configure({ dailyCap: 2 });
		const codes = [];
		for (let i = 0; i < 3; i++) codes.push((await tdCall(applicant())).json.code);
		expect(codes).toEqual([200, 200, 305]);
		expect(sim.vendors.trustdecision.charged).toHaveLength(2);
	});
});

describe('Digiscore', () => {
	test('token is md5 of the sorted key=value string including secret (FACTS.md example)', () => {
		const params = { phone: 'phone', appKey: 'test_key', name: 'name', idNumber: 'idNumber', token: 'ignored' };
		expect(digiscoreToken(params, '20200101')).toBe(md5('appKey=test_key&idNumber=idNumber&name=name&phone=phone&secret=20200101'));
	});

	test('handle -> 201 need query -> 200 data after resultDelayMs, charged once per requestId', async () => {
		sim.vendors.digiscore.configure({ resultDelayMs: 300 });
		const submitted = await handle('81234567895');
		expect(submitted.json).toEqual({ code: 201, msg: 'ok', data: null, requestId: expect.stringMatching(/^[0-9a-f]{28}$/) });
		const { requestId } = submitted.json;

		expect((await query(requestId)).json).toEqual({ code: 201, msg: 'need query', data: null, requestId });
		expect(sim.vendors.digiscore.charged).toHaveLength(0);

		await new Promise((resolve) => setTimeout(resolve, 350));
		const delivered = await query(requestId);
		expect(delivered.json).toEqual({
			code: 200,
			msg: 'ok',
			data: { userPhone: '6281234567895', telcoType: 1, activeLevel: 'high', frequencyGrade: 'low' },
			requestId,
			isFee: 1,
		});
		const repeated = await query(requestId);
		expect(repeated.json).toMatchObject({ code: 200, data: delivered.json.data, isFee: 0 });
		expect(sim.vendors.digiscore.charged).toEqual([
			{ at: expect.any(Number), key: DS.appKey, phone: '81234567895', what: 'numberActive', ref: requestId },
		]);
		expect(sim.vendors.digiscore.repeatQueries).toBe(1);
		expect(sim.vendors.digiscore.calls).toEqual({ handle: 1, query: 3 });
	});

	test('a form-urlencoded request with a valid token is accepted too', async () => {
		const body = new URLSearchParams(signed({ appKey: DS.appKey, phone: '81234567890' })).toString();
		const answer = await call(`${sim.urlFor('digiscore')}/api/data/numberActive/handle`, 'POST', body, 'application/x-www-form-urlencoded');
		expect(answer.json.code).toBe(201);
	});

	test.each([
		['a wrong secret', () => signed({ appKey: DS.appKey, phone: '81234567890' }, 'wrong-secret')],
		['a wrong appKey', () => signed({ appKey: 'other-key', phone: '81234567890' })],
		['no token', () => ({ appKey: DS.appKey, phone: '81234567890' })],
		['a tampered phone', () => ({ ...signed({ appKey: DS.appKey, phone: '81234567890' }), phone: '81234567891' })],
		['an upper-case token', () => {
			const params = signed({ appKey: DS.appKey, phone: '81234567890' });
			return { ...params, token: params.token.toUpperCase() };
		}],
	])('%s -> 11001 token verification failed', async (_label, params) => {
		const answer = await dsCall('handle', params());
		expect(answer.status).toBe(200);
		expect(answer.json).toEqual({ code: 11001, msg: 'token verification failed', data: null, requestId: expect.any(String) });
	});

	test.each(['081234567890', '6281234567890', '8123-4567', ''])('phone %j -> 11008', async (phone) => {
		const answer = await handle(phone);
		expect(answer.json).toMatchObject({ code: 11008, msg: expect.any(String), data: null });
	});

	test('unknown and expired requestIds -> 11009', async () => {
		expect((await query('0123456789abcdef0123456789ab')).json).toMatchObject({ code: 11009, msg: 'requestId not found' });
		sim.vendors.digiscore.configure({ requestTtlMs: 50 });
		const { requestId } = (await handle('81234567890')).json;
		await new Promise((resolve) => setTimeout(resolve, 80));
		expect((await query(requestId)).json).toMatchObject({ code: 11009, requestId });
	});

	test('phone scenarios: 0000 no data and free, 1111 no data but charged, 9999 never ready', async () => {
		const free = (await query((await handle('81234560000')).json.requestId)).json;
		expect(free).toMatchObject({ code: 200, data: { userPhone: '6281234560000', telcoType: 0, activeLevel: 'NA', frequencyGrade: 'NA' }, isFee: 0 });
		const paid = (await query((await handle('81234561111')).json.requestId)).json;
		expect(paid).toMatchObject({ code: 200, data: { telcoType: 0, activeLevel: 'NA' }, isFee: 1 });
		const neverReadyId = (await handle('81234569999')).json.requestId;
		expect((await query(neverReadyId)).json).toMatchObject({ code: 201, msg: 'need query' });
		expect(sim.vendors.digiscore.charged.map((charge) => charge.phone)).toEqual(['81234561111']);
	});
});

describe('faults', () => {
	test('status fault answers in the vendor shape, or with the given body, then normal service resumes', async () => {
		sim.inject({ vendor: 'trustdecision', kind: 'status', status: 503 });
		sim.inject({ vendor: 'trustdecision', kind: 'status', status: 502, body: 'Bad Gateway' });
		const first = await tdCall(applicant());
		expect(first.status).toBe(503);
		expect(first.json).toEqual({ code: 503, message: 'Service Unavailable' });
		const second = await request(`${sim.urlFor('trustdecision')}?${new URLSearchParams(TD_AUTH)}`, { method: 'POST', body: '{}' });
		expect(second.statusCode).toBe(502);
		expect(await second.body.text()).toBe('Bad Gateway');
		expect((await tdCall(applicant())).json.code).toBe(200);
		expect(sim.vendors.trustdecision.charged).toHaveLength(1);
		expect(sim.requestLog.map((record) => [record.status, record.fault])).toEqual([[503, 'status'], [502, 'status'], [200, undefined]]);
	});

	test('rateLimit fault sends 429 with Retry-After in each vendor shape', async () => {
		sim.inject({ vendor: 'trustdecision', kind: 'rateLimit', retryAfterSeconds: 3 });
		sim.inject({ vendor: 'digiscore', kind: 'rateLimit' });
		const td = await tdCall(applicant());
		expect([td.status, td.headers['retry-after'], td.json]).toEqual([429, '3', { code: 429, message: 'Too Many Requests' }]);
		const ds = await handle('81234567890');
		expect([ds.status, ds.headers['retry-after'], ds.json]).toEqual([429, '1', { code: 429, msg: 'Too Many Requests' }]);
		expect(sim.vendors.trustdecision.rateLimited).toBe(1);
		expect(sim.vendors.digiscore.rateLimited).toBe(1);
	});

	test('slow fault answers normally after the delay', async () => {
		sim.inject({ vendor: 'trustdecision', kind: 'slow', delayMs: 300 });
		const startedAt = Date.now();
		const answer = await tdCall(applicant());
		expect(Date.now() - startedAt).toBeGreaterThanOrEqual(290);
		expect(answer.json.code).toBe(200);
	});

	test('drop fault destroys the socket without an answer', async () => {
		sim.inject({ vendor: 'digiscore', kind: 'drop' });
		await expect(handle('81234567890')).rejects.toThrow();
		expect(sim.requestLog[0]).toMatchObject({ status: null, fault: 'drop' });
		expect((await handle('81234567890')).json.code).toBe(201);
	});

	test('malformed fault sends 200 with broken JSON', async () => {
		sim.inject({ vendor: 'digiscore', kind: 'malformed' });
		const response = await request(`${sim.urlFor('digiscore')}/api/data/numberActive/handle`, { method: 'POST', body: '{}' });
		expect(response.statusCode).toBe(200);
		expect(response.headers['content-type']).toContain('application/json');
		const text = await response.body.text();
		expect(() => JSON.parse(text)).toThrow();
	});

	test('vendorCode fault uses the vendor envelope; match and times pick which requests it hits', async () => {
		sim.inject({ vendor: 'trustdecision', kind: 'vendorCode', code: 11350, times: 2 });
		sim.inject({ vendor: 'digiscore', kind: 'vendorCode', code: 11008, message: 'phone error', match: 'query' });
		expect((await tdCall(applicant())).json).toEqual({ code: 11350, message: 'Internal error', sequence_id: expect.any(String) });
		expect((await tdCall(applicant())).json.code).toBe(11350);
		expect((await tdCall(applicant())).json.code).toBe(200);

		const submitted = await handle('81234567890');
		expect(submitted.json.code).toBe(201);
		expect((await query(submitted.json.requestId)).json).toEqual({ code: 11008, msg: 'phone error', data: null, requestId: expect.any(String) });
		expect((await query(submitted.json.requestId)).json.code).toBe(200);
		expect(sim.pendingFaults()).toEqual([]);
	});

	test('clearFaults drops queued faults', async () => {
		sim.inject({ vendor: 'trustdecision', kind: 'status', status: 500, times: 5 });
		sim.clearFaults();
		expect((await tdCall(applicant())).status).toBe(200);
	});
});

describe('rate limit and latency', () => {
	test('requests over rateLimitPerSecond per key get 429 + Retry-After; other keys and the next second pass', async () => {
		sim.vendors.digiscore.configure({ rateLimitPerSecond: 5 });
		const answers = await Promise.all(Array.from({ length: 8 }, () => handle('81234567890')));
		const statuses = answers.map((answer) => answer.status).sort();
		expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
		const limited = answers.find((answer) => answer.status === 429)!;
		expect(limited.json).toEqual({ code: 429, msg: 'Too Many Requests' });
		expect(limited.headers['retry-after']).toBe('1');
		expect(sim.vendors.digiscore.rateLimited).toBe(3);

		const otherKey = await dsCall('handle', signed({ appKey: 'other-key', phone: '81234567890' }));
		expect(otherKey.status).toBe(200);

		await new Promise((resolve) => setTimeout(resolve, 1000));
		expect((await handle('81234567890')).status).toBe(200);
	});

	test('TrustDecision limits per partner_code in its own shape', async () => {
		sim.vendors.trustdecision.configure({ rateLimitPerSecond: 1 });
		await tdCall(applicant());
		const limited = await tdCall(applicant());
		expect([limited.status, limited.json]).toEqual([429, { code: 429, message: 'Too Many Requests' }]);
	});

	test('latencyMs delays every answer', async () => {
		sim.vendors.trustdecision.configure({ latencyMs: 150 });
		const startedAt = Date.now();
		await tdCall(applicant());
		expect(Date.now() - startedAt).toBeGreaterThanOrEqual(145);
		expect(sim.requestLog[0].durationMs).toBeGreaterThanOrEqual(145);
	});
});

describe('request log, reset and control API', () => {
	test('the log holds method, path, query, headers, body and status of vendor calls only', async () => {
		await tdCall(applicant());
		await call(`${sim.baseUrl}/__sim/health`, 'GET');
		expect(sim.requestLog).toEqual([
			expect.objectContaining({
				vendor: 'trustdecision',
				method: 'POST',
				path: '/trustdecision/v1/phone/association',
				query: TD_AUTH,
				headers: expect.objectContaining({ 'content-type': 'application/json' }),
				body: JSON.stringify(applicant()),
				status: 200,
			}),
		]);
	});

	test('unknown paths answer 404 and are logged', async () => {
		const answer = await call(`${sim.baseUrl}/nobody/here`, 'POST', '{}');
		expect(answer.status).toBe(404);
		expect(sim.requestLog[0]).toMatchObject({ vendor: null, status: 404 });
	});

	test('reset restores the start config and empties state, counters, faults and log', async () => {
		sim.vendors.digiscore.configure({ resultDelayMs: 60_000 });
		const { requestId } = (await handle('81234567890')).json;
		sim.inject({ vendor: 'digiscore', kind: 'drop', times: 3 });
		sim.reset();
		expect(sim.vendors.digiscore.config.resultDelayMs).toBe(0);
		expect(sim.vendors.digiscore.calls).toEqual({});
		expect(sim.requestLog).toEqual([]);
		expect(sim.pendingFaults()).toEqual([]);
		expect((await query(requestId)).json.code).toBe(11009);
	});

	test('health, config, faults, stats, requests and reset over HTTP', async () => {
		const control = (method: string, route: string, body?: unknown) =>
			call(`${sim.baseUrl}/__sim/${route}`, method, body === undefined ? undefined : JSON.stringify(body));

		expect((await control('GET', 'health')).json).toEqual({
			status: 'ok',
			baseUrl: sim.baseUrl,
			vendors: Object.fromEntries(Object.keys(sim.vendors).map((name) => [name, sim.urlFor(name as VendorName)])),
		});
		expect(Object.keys(sim.vendors).sort()).toEqual(['accuauth', 'digiscore', 'ekycpro', 'enrow', 'trustdecision']);
		const configured = await control('POST', 'config', { vendor: 'digiscore', resultDelayMs: 5000 });
		expect(configured.json.config.resultDelayMs).toBe(5000);
		expect((await control('POST', 'config', { vendor: 'digiscore', resultDelayMs: 'soon' })).status).toBe(400);
		expect((await control('POST', 'config', { vendor: 'digiscore', bogus: 1 })).status).toBe(400);
		expect((await control('POST', 'config', { vendor: 'nobody' })).status).toBe(400);

		expect((await control('POST', 'faults', { vendor: 'trustdecision', kind: 'status', status: 500 })).status).toBe(201);
		expect((await control('POST', 'faults', { vendor: 'trustdecision', kind: 'explode' })).status).toBe(400);
		expect((await control('POST', 'faults', { vendor: 'trustdecision', kind: 'slow' })).status).toBe(400);
		expect((await tdCall(applicant())).status).toBe(500);
		expect((await tdCall(applicant())).json.code).toBe(200);

		const stats = (await control('GET', 'stats')).json;
		expect(stats.vendors.trustdecision).toMatchObject({ calls: { phoneAssociation: 2 }, rateLimited: 0, charged: [expect.objectContaining({ key: TD.partnerCode })] });
		expect(stats.vendors.digiscore.config.resultDelayMs).toBe(5000);
		expect(stats.requests).toBe(2);
		expect((await control('GET', 'requests')).json).toHaveLength(2);

		await control('POST', 'faults', { vendor: 'digiscore', kind: 'drop' });
		expect((await control('DELETE', 'faults')).json).toEqual({ pending: [] });
		expect((await control('POST', 'reset')).json).toEqual({ status: 'reset' });
		expect(sim.vendors.trustdecision.charged).toEqual([]);
		expect(sim.vendors.digiscore.config.resultDelayMs).toBe(0);
		expect((await control('GET', 'nothing')).status).toBe(404);
	});

	test('start options set the config that reset returns to; urlFor gives the vendor prefix', async () => {
		const custom = await startSimulator({ vendors: { digiscore: { resultDelayMs: 1234, secret: 'other' } } });
		try {
			expect(custom.urlFor('digiscore')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/digiscore$/);
			custom.vendors.digiscore.configure({ resultDelayMs: 1 });
			custom.reset();
			expect(custom.vendors.digiscore.config).toMatchObject({ resultDelayMs: 1234, secret: 'other', appKey: DS.appKey });
		} finally {
			await custom.close();
		}
	});
});
