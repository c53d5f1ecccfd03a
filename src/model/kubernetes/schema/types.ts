/** Shapes shared by the schema modules. */

/** A JSON Schema node, as plain data. */
export type JsonSchema = { [keyword: string]: unknown };

/** An error as Ajv reports it (`messages: false`: no prose, we write our own). */
export interface AjvError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
}

/** A compiled validator (Ajv standalone or runtime). */
export type Validator = ((data: unknown) => boolean) & { errors?: AjvError[] | null };

export type SchemaMessageId =
  | 'unknownField'
  | 'required'
  | 'type'
  | 'intOrString'
  | 'quantity'
  | 'enum'
  | 'pattern'
  | 'constraint'
  | 'oneOfForms'
  | 'missingApiVersion'
  | 'missingKind'
  | 'missingName'
  | 'unknownKind'
  | 'unknownApiVersion'
  | 'versionNotServed'
  | 'invalidName'
  | 'invalidNamespace'
  | 'invalidLabelKey'
  | 'invalidLabelValue'
  | 'invalidAnnotationKey';

/** One thing wrong with an object, where it is, and the data for its message. */
export interface SchemaProblem {
  messageId: SchemaMessageId;
  /** Path below the object (keys and list indexes). */
  path: readonly (string | number)[];
  /** Where the finding goes: the offending key, the value, or the object that lacks something. */
  at: 'key' | 'value' | 'parent';
  data: Record<string, string>;
}
