import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// n8n-core reads these when its services are first built, so this module is imported before n8n-core.
const userFolder = mkdtempSync(join(tmpdir(), 'phone-intel-harness-'));

process.env.N8N_USER_FOLDER = userFolder;
process.env.N8N_ENCRYPTION_KEY ??= 'phone-intel-harness-encryption-key';
process.env.N8N_DEFAULT_BINARY_DATA_MODE = 'default';
process.env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS = 'false';
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';

process.once('exit', () => rmSync(userFolder, { recursive: true, force: true }));

export const harnessUserFolder = userFolder;
