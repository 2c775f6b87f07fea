/** Query-string and body keys whose values are secrets wherever they appear in text. */
const SECRET_KEY_PATTERN =
	/((?:partner_key|partnerKey|api[_-]?key|apiSecret|secret|token|signature|x-api-key|x-df-api-secret)["']?\s*[=:]\s*["']?)([^&\s"',}]+)/gi;

/** Removes secret values from text that may reach a message, a log line or an output item. */
export function redactSecrets(text: string, secrets: Array<string | undefined>): string {
	let redacted = text;
	for (const secret of secrets) {
		if (secret && secret.length >= 4) redacted = redacted.split(secret).join('***');
	}
	return redacted.replace(SECRET_KEY_PATTERN, '$1***');
}

/** The string values of a credential object, for redaction. */
export function secretValues(credentials: Record<string, unknown>, secretFields: string[]): string[] {
	return secretFields
		.map((field) => credentials[field])
		.filter((value): value is string => typeof value === 'string' && value.length > 0);
}
