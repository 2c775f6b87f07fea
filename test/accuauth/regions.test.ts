import { toAccuAuthPhone } from '../../nodes/AccuAuth/actions/phoneNumber';
import { accuAuthBaseUrl } from '../../nodes/AccuAuth/regions';

describe('AccuAuth regions', () => {
	test.each([
		['mexico', '55 1234 5678', '525512345678', 'https://cloudapi.mexico.accuauth.com'],
		['colombia', '321 456 7890', '573214567890', 'https://cloudapi.mexico.accuauth.com'],
		['peru', '912 345 678', '51912345678', 'https://cloudapi.peru.accuauth.com'],
		['indonesia', '0812-3456-7890', '6281234567890', 'https://cloudapi.indonesia.accuauth.com'],
		['india', '098765 43210', '919876543210', 'https://cloudapi.accuauth.in'],
	] as const)('%s: local numbers get the region country code; the host is the region host', (region, local, sent, host) => {
		expect(toAccuAuthPhone(local, region, '')).toBe(sent);
		expect(toAccuAuthPhone(`+${sent}`, region, '')).toBe(sent);
		expect(accuAuthBaseUrl({ region })).toBe(host);
	});

	test("a region's credential refuses another country's number", () => {
		expect(() => toAccuAuthPhone('+62 812 3456 7890', 'mexico', '')).toThrow('AccuAuth does not check numbers of +62 ("+62 812 3456 7890")');
	});

	test('a custom base URL reads local numbers with "Default Country" and takes international ones as they are', () => {
		expect(toAccuAuthPhone('912 345 678', 'custom', 'PE')).toBe('51912345678');
		expect(toAccuAuthPhone('+91 98765 43210', 'custom', '')).toBe('919876543210');
		expect(accuAuthBaseUrl({ region: 'custom', baseUrl: ' http://127.0.0.1:4010/accuauth/ ' })).toBe('http://127.0.0.1:4010/accuauth');
	});
});
