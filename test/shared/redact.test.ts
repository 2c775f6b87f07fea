import { redactSecrets } from '../../nodes/shared/redact';
import { z } from 'zod';
import { parseVendorAnswer } from '../../nodes/shared/validate';

describe('secrets out of text', () => {
	it('removes known secret values and key-like query parameters', () => {
		const text =
			'POST https://id.apitd.net/x?partner_code=acme&partner_key=s3cr3t-value failed; token=abc123; {"apiSecret":"zzz999"}';
		const redacted = redactSecrets(text, ['s3cr3t-value']);
		expect(redacted).not.toContain('s3cr3t-value');
		expect(redacted).not.toContain('abc123');
		expect(redacted).not.toContain('zzz999');
		expect(redacted).toContain('partner_code=acme');
	});
});

describe('vendor answers', () => {
	const schema = z.object({ code: z.number(), data: z.object({ telcoType: z.number() }) });

	it('names the vendor, the call and the field of an unexpected shape', () => {
		expect(() => parseVendorAnswer('Digiscore', 'query', schema, { code: 200, data: { telcoType: 'x' } })).toThrow(
			/Digiscore answered the query in an unexpected shape \(field data\.telcoType: Expected number, received string\)/,
		);
	});

	it('says when the answer is not JSON at all', () => {
		expect(() => parseVendorAnswer('Digiscore', 'query', schema, undefined)).toThrow('the answer is not JSON');
	});

	it('returns the typed answer when it fits', () => {
		expect(parseVendorAnswer('Digiscore', 'query', schema, { code: 200, data: { telcoType: 1 } }).data.telcoType).toBe(1);
	});
});
