import * as asn1js from 'asn1js';
import { hex } from './bytes';

/** One attribute of a distinguished name: its type and its value as encoded. */
interface Attribute {
  readonly oid: string;
  readonly value: asn1js.BaseBlock;
  readonly der: Uint8Array;
}

/** A distinguished name as encoded: its relative names in order, each a set of attributes. */
export type Name = readonly (readonly Attribute[])[];

/** The attribute types RFC 2253 names by keyword (Java's X500Principal.RFC2253 keeps these, prints others as OIDs). */
const KEYWORDS: Readonly<Record<string, string>> = {
  '2.5.4.3': 'CN',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'STREET',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '0.9.2342.19200300.100.1.1': 'UID',
  '0.9.2342.19200300.100.1.25': 'DC',
};

/** Universal tags Java prints as text (Printable, T61, IA5, General, BMP, UTF8); others as #hex. */
const PRINTED_STRINGS = new Set([19, 20, 22, 27, 30, 12]);
/** Universal tags Java compares as text (Printable, UTF8); others by their encoding. */
const COMPARED_STRINGS = new Set([19, 12]);
const ESCAPED = ',=+<>#;"\\';

/** Reads a Name (RDNSequence) from its DER; throws on anything else. */
export function readName(der: ArrayBuffer): Name {
  const sequence = asn1js.fromBER(der).result;
  if (!(sequence instanceof asn1js.Sequence)) {
    throw new Error('a name is not a SEQUENCE');
  }
  return sequence.valueBlock.value.map((rdn) => {
    if (!(rdn instanceof asn1js.Set)) {
      throw new Error('a relative name is not a SET');
    }
    return rdn.valueBlock.value.map(attribute);
  });
}

function attribute(block: asn1js.BaseBlock): Attribute {
  const parts = block instanceof asn1js.Sequence ? block.valueBlock.value : [];
  const [type, value] = parts;
  if (parts.length !== 2 || !(type instanceof asn1js.ObjectIdentifier) || value === undefined) {
    throw new Error('a name attribute is not a type and a value');
  }
  return { oid: type.valueBlock.toString(), value, der: value.valueBeforeDecodeView };
}

/** The name as Java's X500Principal.getName() prints it (RFC 2253): last relative name first. */
export function rfc2253(name: Name): string {
  return [...name].reverse().map((rdn) => rdn.map(printed).join('+')).join(',');
}

function printed(attribute: Attribute): string {
  const keyword = KEYWORDS[attribute.oid];
  const text = stringValue(attribute.value, PRINTED_STRINGS);
  if (keyword === undefined || text === null) {
    return `${keyword ?? attribute.oid}=#${hex(attribute.der)}`;
  }
  return `${keyword}=${escaped(text)}`;
}

/** RFC 2253 escaping as Java does it: special characters anywhere, spaces (and CRs) at either end. */
function escaped(text: string): string {
  const chars: string[] = [];
  for (const c of text) {
    chars.push(ESCAPED.includes(c) ? `\\${c}` : c === '\u0000' ? '\\00' : c);
  }
  const blank = (c: string | undefined): boolean => c === ' ' || c === '\r';
  let lead = 0;
  while (lead < chars.length && blank(chars[lead])) {
    lead++;
  }
  let trail = chars.length - 1;
  while (trail >= 0 && blank(chars[trail])) {
    trail--;
  }
  return chars.map((c, i) => (i < lead || i > trail ? `\\${c}` : c)).join('');
}

/** Whether two names are equal as X500Principal.equals decides: by canonical form, not by encoding. */
export function sameName(a: Name, b: Name): boolean {
  return canonical(a) === canonical(b);
}

function canonical(name: Name): string {
  // JSON quoting keeps a value holding ',' or '+' from reading as a separator.
  return JSON.stringify(name.map((rdn) => rdn.map(canonicalAttribute).sort()));
}

function canonicalAttribute(attribute: Attribute): string {
  const text = stringValue(attribute.value, COMPARED_STRINGS);
  const value = text === null ? `#${hex(attribute.der)}`
    : text.trim().replace(/\s+/g, ' ').toUpperCase().toLowerCase().normalize('NFKD');
  return `${attribute.oid}=${value}`;
}

function stringValue(value: asn1js.BaseBlock, tags: ReadonlySet<number>): string | null {
  const universal = value.idBlock.tagClass === 1 && !value.idBlock.isConstructed;
  if (!universal || !tags.has(value.idBlock.tagNumber) || !(value instanceof asn1js.BaseStringBlock)) {
    return null;
  }
  return value.valueBlock.value;
}
