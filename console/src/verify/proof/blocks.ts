// Fabric's block hashes (protoutil.BlockHeaderBytes, BlockHeaderHash, ComputeBlockDataHash), a block's metadata
// slots, and the chain of headers a bundle carries.
import { EMPTY, concat, equal, hex, nextUint64, sha256 } from './bytes';
import { OCTET_STRING, SEQUENCE, encode, encodeUnsigned } from './der';
import {
  type Block, type BlockHeader, COMMIT_HASH_SLOT, LAST_CONFIG_SLOT, type Metadata, SIGNATURES_SLOT,
  TRANSACTIONS_FILTER_SLOT, lastConfig, metadata, ordererBlockMetadata, parse, ensure,
} from './fabric';

/** What the header hash covers and the orderers sign: DER SEQUENCE {INTEGER number, OCTET STRING, OCTET STRING}. */
export function headerBytes(header: BlockHeader): Uint8Array {
  return encode(SEQUENCE, concat(encodeUnsigned(header.number), encode(OCTET_STRING, header.previousHash),
    encode(OCTET_STRING, header.dataHash)));
}

/** SHA-256 of {@link headerBytes}: what the next block's previous_hash must be. */
export const headerHash = (header: BlockHeader): Promise<Uint8Array> => sha256(headerBytes(header));

/** SHA-256 over the plain concatenation of every envelope in order: no lengths, no separators, no tree. */
export const dataHash = (block: Block): Promise<Uint8Array> => sha256(...block.data);

const slot = (block: Block, index: number): Uint8Array => block.metadata[index] ?? EMPTY;

/** The orderers' signatures and the value they cover (metadata slot SIGNATURES). */
export const signatures = (block: Block): Metadata => parse('SIGNATURES metadata', slot(block, SIGNATURES_SLOT), metadata);

/**
 * The channel's latest configuration block at this block, as the orderers signed it (the signed
 * OrdererBlockMetadata, falling back to the old LAST_CONFIG slot only when the signed value is empty).
 */
export function blockLastConfigIndex(block: Block): bigint {
  const signed = signatures(block);
  if (signed.value.length === 0) {
    const old = parse('LAST_CONFIG metadata', slot(block, LAST_CONFIG_SLOT), metadata);
    return parse('LAST_CONFIG value', old.value, lastConfig);
  }
  return signedLastConfigIndex(signed);
}

/** The configuration block index the orderers signed into a SIGNATURES metadata value. */
export function signedLastConfigIndex(signed: Metadata): bigint {
  const value = parse('orderer block metadata', signed.value, ordererBlockMetadata);
  ensure(value.lastConfig !== null, 'orderer block metadata has no last config');
  return value.lastConfig!;
}

/** The validation flags as the peer that served the block recorded them: one byte per envelope. */
export const validationFlags = (block: Block): Uint8Array => slot(block, TRANSACTIONS_FILTER_SLOT);

/** The peer's commit hash (a Metadata value), empty when the peer recorded none. */
export function commitHash(block: Block): Uint8Array {
  const bytes = slot(block, COMMIT_HASH_SLOT);
  return bytes.length === 0 ? EMPTY : parse('COMMIT_HASH metadata', bytes, metadata).value;
}

/**
 * The carried headers, contiguous and ascending, each header's hash computed once. Whether a stretch of them links
 * is asked per stretch, so a broken link is reported by the check that relies on it.
 */
export class HeaderChain {
  private constructor(private readonly headers: readonly BlockHeader[], private readonly hashes: readonly Uint8Array[]) {}

  /** The chain of {@code headers}; {@link Malformed} when they are empty or not numbered one by one. */
  static async of(headers: readonly BlockHeader[]): Promise<HeaderChain> {
    ensure(headers.length > 0, 'no block headers are carried');
    for (let i = 1; i < headers.length; i++) {
      const expected = nextUint64(headers[i - 1]!.number);
      ensure(headers[i]!.number === expected, 'header ' + i + ' is block ' + headers[i]!.number + ', expected ' + expected);
    }
    return new HeaderChain(headers, await Promise.all(headers.map(headerHash)));
  }

  get first(): bigint {
    return this.headers[0]!.number;
  }

  get last(): bigint {
    return this.headers[this.headers.length - 1]!.number;
  }

  covers(number: bigint): boolean {
    return number >= this.first && number <= this.last;
  }

  header(number: bigint): BlockHeader | undefined {
    return this.covers(number) ? this.headers[this.index(number)] : undefined;
  }

  /** The hash of a carried header; only for numbers {@link covers}. */
  hash(number: bigint): Uint8Array {
    return this.hashes[this.index(number)]!;
  }

  /** The first link that does not hold between blocks {@code from} and {@code to} (both carried), if any. */
  brokenLink(from: bigint, to: bigint): string | null {
    for (let i = this.index(from) + 1; i <= this.index(to); i++) {
      const header = this.headers[i]!;
      if (!equal(header.previousHash, this.hashes[i - 1]!)) {
        return 'block ' + header.number + "'s previous hash " + hex(header.previousHash) + ' is not the hash of block '
          + this.headers[i - 1]!.number + "'s header, " + hex(this.hashes[i - 1]!);
      }
    }
    return null;
  }

  private index(number: bigint): number {
    return Number(number - this.first);
  }
}
