// The catalog manager's form builder: an editable row per field, turned into the API's FormField.
import { BOUND_TYPES, CONDITION_SOURCE_TYPES, OPTION_TYPES, TEXT_TYPES, type FieldType, type FieldValidation, type FormField } from './request-form';

export type BuilderField = {
  uid: string;
  key: string;
  /** False while the key follows the label; true once the manager types a key. */
  keyEdited: boolean;
  type: FieldType;
  label: string;
  help: string;
  required: boolean;
  /** One option per line. */
  options: string;
  min: number | '';
  max: number | '';
  minLength: number | '';
  maxLength: number | '';
  integer: boolean;
  regex: string;
  regexMessage: string;
  /** Key of the option field that shows this one ('' = always shown), and the answers that do. */
  showWhenField: string;
  showWhenValues: string[];
  /** Key of the option field whose answers make this one obligatory ('' = only `required`). */
  requiredWhenField: string;
  requiredWhenValues: string[];
};

export type ConditionKind = 'showWhen' | 'requiredWhen';

let counter = 0;
const nextUid = () => `f${Date.now().toString(36)}${(counter++).toString(36)}`;

/** "Quién autoriza" → "quien_autoriza": lower case, digits and _, starting with a letter. */
export function keyFromLabel(label: string): string {
  const base = label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 50);
  if (!base) return '';
  return /^[a-z]/.test(base) ? base : `campo_${base}`.slice(0, 50);
}

export function uniqueKey(wanted: string, taken: string[]): string {
  if (!wanted || !taken.includes(wanted)) return wanted;
  for (let n = 2; ; n++) {
    const candidate = `${wanted.slice(0, 46)}_${n}`;
    if (!taken.includes(candidate)) return candidate;
  }
}

export function newBuilderField(label: string, taken: string[]): BuilderField {
  return {
    uid: nextUid(),
    key: uniqueKey(keyFromLabel(label), taken),
    keyEdited: false,
    type: 'text',
    label,
    help: '',
    required: false,
    options: '',
    min: '',
    max: '',
    minLength: '',
    maxLength: '',
    integer: false,
    regex: '',
    regexMessage: '',
    showWhenField: '',
    showWhenValues: [],
    requiredWhenField: '',
    requiredWhenValues: [],
  };
}

export function fromFormField(f: FormField): BuilderField {
  const v = f.validation ?? {};
  return {
    uid: nextUid(),
    key: f.key,
    keyEdited: true,
    type: f.type,
    label: f.label,
    help: f.help ?? '',
    required: f.required,
    options: (v.options ?? []).join('\n'),
    min: v.min ?? '',
    max: v.max ?? '',
    minLength: v.minLength ?? '',
    maxLength: v.maxLength ?? '',
    integer: v.integer ?? false,
    regex: v.regex ?? '',
    regexMessage: v.regexMessage ?? '',
    showWhenField: f.showWhen?.field ?? '',
    showWhenValues: f.showWhen?.values ?? [],
    requiredWhenField: f.requiredWhen?.field ?? '',
    requiredWhenValues: f.requiredWhen?.values ?? [],
  };
}

/** Only the settings that apply to the field's type are sent. */
export function toFormField(b: BuilderField): FormField {
  const validation: FieldValidation = {};
  if (OPTION_TYPES.includes(b.type)) {
    const options = b.options
      .split('\n')
      .map((o) => o.trim())
      .filter(Boolean);
    validation.options = [...new Set(options)];
  }
  if (BOUND_TYPES.includes(b.type)) {
    if (b.min !== '') validation.min = b.min;
    if (b.max !== '') validation.max = b.max;
  }
  if (b.type === 'number' && b.integer) validation.integer = true;
  if (TEXT_TYPES.includes(b.type)) {
    if (b.minLength !== '') validation.minLength = b.minLength;
    if (b.maxLength !== '') validation.maxLength = b.maxLength;
    if (b.regex.trim()) validation.regex = b.regex.trim();
    if (b.regex.trim() && b.regexMessage.trim()) validation.regexMessage = b.regexMessage.trim();
  }
  const field: FormField = { key: b.key.trim(), type: b.type, label: b.label.trim(), required: b.required };
  if (b.help.trim()) field.help = b.help.trim();
  if (Object.keys(validation).length) field.validation = validation;
  if (b.showWhenField) field.showWhen = { field: b.showWhenField, values: b.showWhenValues };
  // "Obligatorio" already asks for it whenever it is shown.
  if (b.requiredWhenField && !b.required) field.requiredWhen = { field: b.requiredWhenField, values: b.requiredWhenValues };
  return field;
}

/** The option lines of a builder row, as toFormField sends them. */
export function optionsOf(b: BuilderField): string[] {
  return [
    ...new Set(
      b.options
        .split('\n')
        .map((o) => o.trim())
        .filter(Boolean),
    ),
  ];
}

/** The other fields a condition of field `index` may depend on: option fields with a key. */
export function conditionSources(fields: BuilderField[], index: number): BuilderField[] {
  return fields.filter((f, i) => i !== index && f.key.trim() !== '' && CONDITION_SOURCE_TYPES.includes(f.type));
}

/** A NumberInput's value as a number, or '' while blank or not yet a number. */
export const numberOrBlank = (v: string | number): number | '' =>
  v === '' || typeof v === 'string' ? (v.trim() === '' || !Number.isFinite(Number(v)) ? '' : Number(v)) : v;
