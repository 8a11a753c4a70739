import type { AttributeValue } from "@aws-sdk/client-dynamodb";

/** Terse AttributeValue builders for demo data. N takes a string so numbers are written exactly. */
export const S = (value: string): AttributeValue => ({ S: value });
export const N = (value: string | number): AttributeValue => ({ N: String(value) });
export const B = (value: Uint8Array): AttributeValue => ({ B: value });
export const BOOL = (value: boolean): AttributeValue => ({ BOOL: value });
export const NULL: AttributeValue = { NULL: true };
export const L = (values: AttributeValue[]): AttributeValue => ({ L: values });
export const M = (value: Record<string, AttributeValue>): AttributeValue => ({ M: value });
export const SS = (values: string[]): AttributeValue => ({ SS: values });
export const NS = (values: string[]): AttributeValue => ({ NS: values });
export const BS = (values: Uint8Array[]): AttributeValue => ({ BS: values });
