// Contact attributes: GET /contacts/attributes and POST /contacts/attributes/{attributeCategory}/{attributeName}.
import { z } from 'zod';
import { apiErrors } from '../http/reply';
import {
  ATTRIBUTE_CATEGORIES,
  type AttributeCategory,
  type AttributeRecord,
  type AttributeType,
} from '../model';
import type { OperationHandler } from './types';
import { attributeBody } from './views';

/** GET /contacts/attributes */
export const getAttributes: OperationHandler = ({ state, account }) => ({
  status: 200,
  body: { attributes: state.attributesOf(account.id).map(attributeBody) },
});

const createBody = z.object({
  type: z.string().optional(),
  value: z.string().optional(),
  isRecurring: z.boolean().optional(),
  enumeration: z.array(z.object({ value: z.number().int(), label: z.string() })).optional(),
  multiCategoryOptions: z.array(z.string()).optional(),
});

/** Attribute names Brevo accepts: a letter, then letters, digits and underscores. */
export const ATTRIBUTE_NAME = /^[A-Za-z][A-Za-z0-9_]{0,49}$/;

/**
 * Which types each category takes (https://developers.brevo.com/reference/create-attribute: boolean only for
 * normal attributes, id only for transactional ones, category only for category attributes).
 */
const TYPES_BY_CATEGORY: Record<AttributeCategory, readonly AttributeType[]> = {
  normal: ['text', 'date', 'float', 'boolean'],
  transactional: ['id', 'text', 'date', 'float'],
  category: ['category'],
  calculated: ['text'],
  global: ['text'],
};

const DEFAULT_TYPE: Record<AttributeCategory, AttributeType> = {
  normal: 'text',
  transactional: 'text',
  category: 'category',
  calculated: 'text',
  global: 'text',
};

/**
 * The attribute an admin or the API asks for, checked as Brevo checks it; throws the API's 400 otherwise. Shared by
 * the operation and the emulator's admin surface.
 */
export function attributeRecord(
  accountId: number,
  category: string,
  name: string,
  input: z.infer<typeof createBody>,
): AttributeRecord {
  const known = z.enum(ATTRIBUTE_CATEGORIES).safeParse(category);
  if (!known.success) throw apiErrors.invalid(`Invalid attribute category ${category}`);
  if (!ATTRIBUTE_NAME.test(name)) {
    throw apiErrors.invalid(
      'Attribute name must start with a letter and contain only letters, digits and underscores',
    );
  }
  if (input.type === 'multiple-choice') {
    throw apiErrors.invalid('multiple-choice attributes are not supported by the Brevo emulator');
  }
  const type = input.type ?? DEFAULT_TYPE[known.data];
  const allowed = TYPES_BY_CATEGORY[known.data];
  const typed = allowed.find((candidate) => candidate === type);
  if (typed === undefined) {
    throw apiErrors.invalid(`Attribute type ${type} is not available for ${known.data} attributes`);
  }
  if (known.data === 'category' && (input.enumeration ?? []).length === 0) {
    throw apiErrors.missing('enumeration is required for category attributes');
  }
  if ((known.data === 'calculated' || known.data === 'global') && input.value === undefined) {
    throw apiErrors.missing(`value is required for ${known.data} attributes`);
  }
  return {
    accountId,
    name: name.toUpperCase(),
    category: known.data,
    type: typed,
    enumeration: (input.enumeration ?? []).map((entry) => ({ ...entry })),
  };
}

/** POST /contacts/attributes/{attributeCategory}/{attributeName}: 201 without a body. */
export const createAttribute: OperationHandler = ({ state, account }, { params, body }) => {
  const parsed = createBody.safeParse(body ?? {});
  if (!parsed.success) throw apiErrors.invalid(z.prettifyError(parsed.error));
  const attribute = attributeRecord(
    account.id,
    params['attributeCategory'] ?? '',
    params['attributeName'] ?? '',
    parsed.data,
  );
  if (state.attribute(account.id, attribute.name)) {
    throw apiErrors.duplicate(`Attribute ${attribute.name} already exists`);
  }
  state.putAttribute(attribute);
  return { status: 201 };
};
