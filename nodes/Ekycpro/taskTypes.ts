import type { INodePropertyOptions } from 'n8n-workflow';

export type IdentifierKind = 'phone' | 'email';

interface TaskType {
	name: string;
	value: string;
	description: string;
	identifiers: IdentifierKind;
}

/** The documented `task_type` values (see FACTS.md); the list grows, so "Other" takes any string. */
export const TASK_TYPES: TaskType[] = [
	{ name: 'Active Check (Checknumber.ai)', value: 'active_check', description: 'Whether the number is active', identifiers: 'phone' },
	{ name: 'Amazon', value: 'amazon', description: 'Whether the number has an Amazon account', identifiers: 'phone' },
	{ name: 'BAND', value: 'band', description: 'Whether the number has a BAND account', identifiers: 'phone' },
	{ name: 'CoinW', value: 'coinW', description: 'Whether the number has a CoinW account (column coinw: yes/no)', identifiers: 'phone' },
	{ name: 'HTX', value: 'htx', description: 'Whether the number has an HTX account', identifiers: 'phone' },
	{ name: 'MEXC (E-Mail Addresses)', value: 'mexc_email', description: 'Whether the e-mail address has a MEXC account; the list holds e-mail addresses', identifiers: 'email' },
	{ name: 'Microsoft (Checknumber.ai)', value: 'microsoft', description: 'Whether the number has a Microsoft account', identifiers: 'phone' },
	{ name: 'Other (Type the Task Type)', value: 'custom', description: 'A task type not in this list', identifiers: 'phone' },
	{ name: 'Phone Check', value: 'phoneCheck', description: 'Whether the number is a valid, reachable phone number', identifiers: 'phone' },
	{ name: 'Telegram', value: 'tg', description: 'Whether the number has a Telegram account (column telegram)', identifiers: 'phone' },
	{ name: 'Telegram Active Days', value: 'tg_active', description: 'Telegram activity within 1/7/30 days, or N/A (column telegram_days)', identifiers: 'phone' },
	{ name: 'Telegram Avatar', value: 'tg_avatar', description: 'Whether the Telegram account has a profile picture', identifiers: 'phone' },
	{ name: 'VK (Unverified)', value: 'vk', description: 'Whether the number has a VK account (seen only in third-party code)', identifiers: 'phone' },
	{ name: 'WhatsApp', value: 'ws', description: 'Whether the number has a WhatsApp account (column whatsapp)', identifiers: 'phone' },
	{ name: 'WhatsApp Active (Unverified)', value: 'ws_active', description: 'WhatsApp activity (seen only in third-party code)', identifiers: 'phone' },
	{ name: 'WhatsApp Avatar (Unverified)', value: 'ws_avatar', description: 'Whether the WhatsApp account has a profile picture (seen only in third-party code)', identifiers: 'phone' },
];

export const TASK_TYPE_OPTIONS: INodePropertyOptions[] = TASK_TYPES.map(({ name, value, description }) => ({ name, value, description }));

export function identifierKindOf(taskType: string): IdentifierKind {
	return TASK_TYPES.find(({ value }) => value === taskType)?.identifiers ?? 'phone';
}
