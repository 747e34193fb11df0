import type { CheckLine } from '../checks';
import { failed, passed, reason } from './bytes';

/** The names every report directory has besides its data files (Manifest.FILE, Manifest.SIGNATURE_FILE). */
export const MANIFEST_FILE = 'manifest.json';
export const SIGNATURE_FILE = 'manifest.json.p7s';

export interface FileDigest {
  readonly name: string;
  readonly sha256: string;
}

/** The fields of manifest.json the verification reports on. */
export interface Manifest {
  readonly kind: string;
  readonly jurisdiction: string;
  readonly period: string;
  readonly cutOffBlock: number;
  readonly cutOffBlockHash: string;
  readonly files: readonly FileDigest[];
}

type Json = null | boolean | number | string | Json[] | { [field: string]: Json };

/**
 * The manifest line, as ReportVerifier.parse writes it, and the manifest when it could be read. The file checks
 * run only on a manifest that was read, as in Java.
 */
export function manifestCheck(bytes: Uint8Array): { line: CheckLine; manifest: Manifest | null } {
  try {
    const manifest = parseManifest(bytes);
    const detail = `${manifest.kind} report of ${manifest.jurisdiction} for ${manifest.period} at block `
      + `${manifest.cutOffBlock} (${manifest.cutOffBlockHash}), ${manifest.files.length} files`;
    return { line: passed(MANIFEST_FILE, detail), manifest };
  } catch (error) {
    return { line: failed(MANIFEST_FILE, `not a manifest (altered?): ${reason(error)}`), manifest: null };
  }
}

/**
 * Reads a manifest as Manifest.parse does with Jackson: every field must be present (the first missing one is
 * named, in Java's order), and values are read leniently, as Jackson's asText/asLong read them.
 */
export function parseManifest(bytes: Uint8Array): Manifest {
  // fatal: Jackson refuses malformed UTF-8 too, rather than reading replacement characters.
  const root: Json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  if (!isObject(root)) {
    throw new Error('not a JSON object');
  }
  const files = elements(required(root, 'files')).map(fileDigest);
  for (const field of ['rows', 'previousManifestSha256', 'formatVersion']) {
    required(root, field);
  }
  const kind = asText(required(root, 'kind'));
  const jurisdiction = asText(required(root, 'jurisdiction'));
  const period = asText(required(root, 'period'));
  required(root, 'node');
  required(root, 'org');
  const cutOffBlock = asLong(required(root, 'cutOffBlock'));
  const cutOffBlockHash = asText(required(root, 'cutOffBlockHash'));
  required(root, 'generator');
  return { kind, jurisdiction, period, cutOffBlock, cutOffBlockHash, files };
}

function fileDigest(file: Json): FileDigest {
  const name = asText(required(file, 'name'));
  const sha256 = asText(required(file, 'sha256'));
  required(file, 'bytes');
  return { name, sha256 };
}

function isObject(value: Json): value is { [field: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JsonNode.get: a field of an object, nothing for any other node. */
function required(node: Json, field: string): Json {
  const value = isObject(node) && Object.hasOwn(node, field) ? node[field] : undefined;
  if (value === undefined) {
    throw new Error(`field ${field} is missing`);
  }
  return value;
}

/** Iterating a JsonNode: an array's elements, an object's values, nothing for a scalar. */
function elements(node: Json): Json[] {
  if (Array.isArray(node)) {
    return node;
  }
  return isObject(node) ? Object.values(node) : [];
}

/** JsonNode.asText: containers read as "", null as "null". */
function asText(node: Json): string {
  if (node === null) {
    return 'null';
  }
  return typeof node === 'object' ? '' : String(node);
}

/** JsonNode.asLong: numbers truncated, numeric text parsed, anything else 0. */
function asLong(node: Json): number {
  if (typeof node === 'number') {
    return Math.trunc(node);
  }
  if (typeof node === 'boolean') {
    return node ? 1 : 0;
  }
  if (typeof node === 'string' && /^\s*[+-]?\d+\s*$/.test(node)) {
    return Number.parseInt(node, 10);
  }
  return 0;
}
