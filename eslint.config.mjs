import tsParser from '@typescript-eslint/parser';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';

// n8n's community-node rules (both plugins n8n's package scanner runs). Rules turned off are
// listed with their reasons in the README ("Lint rules turned off").
export default [
	{ ignores: ['dist/**', 'build/**', 'node_modules/**', '.n8n-runtime/**', 'test/**', 'bench/**', 'scripts/**', 'e2e/**', 'examples/**'] },
	{
		...n8nCommunityNodesPlugin.configs.recommendedWithoutN8nCloudSupport,
		files: ['nodes/**/*.ts', 'credentials/**/*.ts', 'package.json'],
		languageOptions: { parser: tsParser, parserOptions: { sourceType: 'module' } },
		rules: {
			...n8nCommunityNodesPlugin.configs.recommendedWithoutN8nCloudSupport.rules,
			// The pack is for self-hosted n8n and needs zod, libphonenumber-js and file readers at run time.
			'@n8n/community-nodes/no-runtime-dependencies': 'off',
		},
	},
	{
		files: ['credentials/**/*.ts'],
		languageOptions: { parser: tsParser, parserOptions: { sourceType: 'module' } },
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			// Community credentials link a full documentation URL; these rules expect n8n's own doc slugs.
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
			'n8n-nodes-base/cred-class-field-documentation-url-not-http-url': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		languageOptions: { parser: tsParser, parserOptions: { sourceType: 'module' } },
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			// Conflicts with @n8n/community-nodes/node-connection-type-literal, which wants NodeConnectionTypes.
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
		},
	},
	{
		files: ['nodes/shared/**/*.ts'],
		rules: {
			// Shared option builders take vendor defaults as values the rule cannot see as literals.
			'n8n-nodes-base/node-param-default-missing': 'off',
			// Engine internals pass typed VendorErrors along; toNodeError turns them into
			// NodeApiError / NodeOperationError with the item index at the item boundary.
			'@n8n/community-nodes/require-node-api-error': 'off',
		},
	},
];
