import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { ItemInputError } from '../../shared/errors';
import { runForEachItem } from '../../shared/itemRunner';
import { commonOptionsProperty, readCommonOptions } from '../../shared/options';
import type { VendorOperation } from '../../shared/operations';
import { formatPhone, parsePhoneFor } from '../../shared/phone';
import { VendorClient } from '../../shared/vendorClient';
import { detectAssociation, endpointUrl, TRUST_DECISION, TRUST_DECISION_DEFAULTS } from '../transport';
import type { AssociationAnswer, AssociationRequest, TrustDecisionCredentials } from '../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		default: '',
		required: true,
		placeholder: '{{ $json.phone }}',
		description: 'Indonesian mobile number in any common form (0812…, +62 812…, 62812…); sent in the 08 form',
	},
	{
		displayName: 'ID Number',
		name: 'idNumber',
		type: 'string',
		default: '',
		required: true,
		description: 'Identity card number of the applicant (NIK on the KTP)',
	},
	{
		displayName: 'ID Type',
		name: 'idType',
		type: 'options',
		options: [{ name: 'KTP', value: 'KTP' }],
		default: 'KTP',
	},
	{
		displayName: 'Country',
		name: 'country',
		type: 'options',
		options: [{ name: 'Indonesia (ID)', value: 'ID' }],
		default: 'ID',
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		description: 'Name of the applicant (strongly recommended)',
	},
	{
		displayName: 'Emergency Contact ID',
		name: 'emergencyContactId',
		type: 'string',
		default: '',
		description: 'ID number of the emergency contact; without it no emergency contact result is returned',
	},
	{
		displayName: 'Emergency Contact Phone',
		name: 'emergencyContactPhone',
		type: 'string',
		default: '',
		description: 'Phone of the emergency contact; without it the contact\'s phone usage is not returned',
	},
	{
		displayName: 'Emergency Contact Name',
		name: 'emergencyContactName',
		type: 'string',
		default: '',
	},
	commonOptionsProperty(TRUST_DECISION_DEFAULTS, { phone: true, perItem: true }),
];

/** "True" / "False" / "Unknown" -> true / false / null. */
function flagValue(value: string | undefined): boolean | null {
	if (value === undefined) return null;
	const lower = value.toLowerCase();
	return lower === 'true' ? true : lower === 'false' ? false : null;
}

function answerFields(phoneNumber: string, answer: AssociationAnswer): IDataObject {
	if (!answer.found) {
		return {
			phoneNumber,
			found: false,
			phoneNumberCount: 0,
			recentlyUsed: null,
			frequentlyUsed: null,
			otherUse: null,
			emergencyContact: null,
			code: 12701,
			message: answer.message,
			charged: false,
			sequenceId: answer.sequenceId ?? null,
		};
	}
	const { applicator_result: applicant, emergency_contact_result: contact } = answer.result;
	return {
		phoneNumber,
		found: true,
		phoneNumberCount: answer.result.phone_number_count,
		recentlyUsed: flagValue(applicant.is_recently_used),
		frequentlyUsed: flagValue(applicant.is_frequently_used),
		otherUse: flagValue(applicant.is_other),
		emergencyContact: contact
			? {
					relation: contact.relation_with_applicator ?? null,
					recentlyUsed: flagValue(contact.is_recently_used),
					frequentlyUsed: flagValue(contact.is_frequently_used),
					otherUse: flagValue(contact.is_other),
				}
			: null,
		code: 200,
		message: 'success',
		charged: true,
		sequenceId: answer.sequenceId,
	};
}

async function execute(ctx: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const options = readCommonOptions(ctx, TRUST_DECISION_DEFAULTS);
	const client = await VendorClient.create(ctx, TRUST_DECISION, options);
	const url = endpointUrl((await ctx.getCredentials(TRUST_DECISION.credentialType)) as unknown as TrustDecisionCredentials);
	const toNational = (value: unknown) =>
		formatPhone(parsePhoneFor(value, options.defaultCountry || 'ID', TRUST_DECISION.name, ['ID']), 'national');

	return await runForEachItem(
		ctx,
		async (itemIndex) => {
			const text = (name: string) => String(ctx.getNodeParameter(name, itemIndex, '') ?? '').trim();
			const phoneNumber = toNational(ctx.getNodeParameter('phoneNumber', itemIndex, ''));
			const idNumber = text('idNumber');
			if (!idNumber) throw new ItemInputError('The ID number is empty', 'TrustDecision needs the applicant\'s ID number (NIK).');
			const request: AssociationRequest = {
				phone_number: phoneNumber,
				id_number: idNumber,
				id_type: text('idType') || 'KTP',
				country: text('country') || 'ID',
			};
			const optional: Array<[keyof AssociationRequest, string]> = [
				['name', text('name')],
				['emergency_contact_id', text('emergencyContactId')],
				['emergency_contact_name', text('emergencyContactName')],
			];
			for (const [field, value] of optional) if (value) request[field] = value;
			const contactPhone = text('emergencyContactPhone');
			if (contactPhone) request.emergency_contact_phone = toNational(contactPhone);
			return answerFields(phoneNumber, await detectAssociation(client, url, request));
		},
		options,
	);
}

export const detectAssociationOperation: VendorOperation = {
	value: 'detectAssociation',
	name: 'Detect Association',
	action: 'Detect phone number association',
	description: 'Check how an Indonesian phone number is used by the applicant (and an emergency contact)',
	properties,
	execute,
};
