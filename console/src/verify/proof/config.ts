// A configuration block (Envelope -> Payload(CONFIG) -> ConfigEnvelope -> Config) read into what a proof needs: the
// channel's MSPs (orderer orgs, then application orgs), its policy tree, and the consenters BFT orderers sign as.
import { signedLong } from './bytes';
import {
  type Block, CONFIG_TYPE, type ConfigGroup, type Consenter, Malformed, blockDataHashingWidth, channelHeader,
  configEnvelope, envelope, hashingAlgorithm, implicitMetaPolicy, mspConfig, orderers, parse, payload, ensure,
  signaturePolicyEnvelope,
} from './fabric';
import { InvalidMsp, type Msp, MspSet, readMsp } from './msp';
import { type PolicyDefinition, PolicyEvaluator, type PolicyGroup, compareJava } from './policy';

/** A channel's configuration at one configuration block. */
export interface ChannelConfig {
  readonly channelId: string;
  readonly blockNumber: bigint;
  readonly channel: PolicyGroup;
  readonly msps: MspSet;
  /** The member orgs (/Channel/Application/*): endorsers and attesters. */
  readonly applicationMspIds: ReadonlySet<string>;
  /** The Orderers consenter mapping; empty for Raft channels. */
  readonly consenters: readonly Consenter[];
  readonly policies: PolicyEvaluator;
}

/** Deepest configuration group read: /Channel/Application/Org1 is three levels. */
const GROUP_DEPTH_MAX = 8;
/** Fabric's flat block data hash: a hashing structure width of MaxUint32. */
const FLAT_HASH_WIDTH = 0xffffffff;
const SIGNATURE = 1;
const IMPLICIT_META = 3;

/** The configuration in a block; {@link Malformed} says why it cannot be read. */
export async function readConfigBlock(block: Block): Promise<ChannelConfig> {
  ensure(block.data.length === 1, 'a configuration block holds exactly one envelope, this one ' + block.data.length);
  const env = parse('configuration envelope', block.data[0]!, envelope);
  const body = parse('configuration payload', env.payload, payload);
  const header = parse('channel header', body.header?.channelHeader ?? new Uint8Array(0), channelHeader);
  ensure(header.type === CONFIG_TYPE, 'block ' + signedLong(block.header.number)
    + ' is not a configuration block (header type ' + header.type + ')');
  const channel = parse('configuration', body.data, configEnvelope);
  requireFlatSha256(channel);
  const applicationMspIds = new Set<string>();
  const msps = [...await orgMsps(channel, 'Orderer', new Set()), ...await orgMsps(channel, 'Application', applicationMspIds)];
  const tree = policyGroup('Channel', channel, 0);
  const mspSet = new MspSet(msps);
  return {
    channelId: header.channelId, blockNumber: block.header.number, channel: tree, msps: mspSet, applicationMspIds,
    consenters: consenters(channel), policies: new PolicyEvaluator(tree, mspSet),
  };
}

function requireFlatSha256(channel: ConfigGroup): void {
  const algorithm = channel.values.get('HashingAlgorithm');
  if (algorithm && algorithm.length > 0) {
    const name = parse('hashing algorithm', algorithm, hashingAlgorithm);
    ensure(name === 'SHA256', 'the channel hashes with ' + name + ', not SHA256');
  }
  const structure = channel.values.get('BlockDataHashingStructure');
  if (structure && structure.length > 0) {
    const width = parse('block data hashing structure', structure, blockDataHashingWidth);
    ensure(width === FLAT_HASH_WIDTH, 'block data hashing width ' + width + " is not Fabric's flat hash");
  }
}

async function orgMsps(channel: ConfigGroup, section: string, ids: Set<string>): Promise<Msp[]> {
  const group = channel.groups.get(section);
  const msps: Msp[] = [];
  // Org by org in name order, so messages about them come out the same on every run.
  for (const name of [...(group?.groups.keys() ?? [])].sort(compareJava)) {
    const value = group!.groups.get(name)!.values.get('MSP');
    ensure(value !== undefined && value.length > 0, section + ' org ' + name + ' has no MSP');
    try {
      const msp = await readMsp(parse('MSP of ' + name, value!, mspConfig));
      msps.push(msp);
      ids.add(msp.id);
    } catch (e) {
      throw e instanceof InvalidMsp ? new Malformed(section + ' org ' + name + ': ' + e.message) : e;
    }
  }
  return msps;
}

function policyGroup(name: string, group: ConfigGroup, depth: number): PolicyGroup {
  ensure(depth <= GROUP_DEPTH_MAX, 'configuration groups nest deeper than ' + GROUP_DEPTH_MAX);
  const policies = new Map<string, PolicyDefinition>();
  for (const [key, policy] of group.policies) {
    policies.set(key, definition(key, policy));
  }
  const groups = new Map<string, PolicyGroup>();
  for (const [key, sub] of group.groups) {
    groups.set(key, policyGroup(key, sub, depth + 1));
  }
  return { name, policies, groups };
}

function definition(name: string, policy: { type: number; value: Uint8Array }): PolicyDefinition {
  switch (policy.type) {
    case SIGNATURE:
      return { kind: 'signature', envelope: parse('signature policy ' + name, policy.value, signaturePolicyEnvelope) };
    case IMPLICIT_META: {
      const meta = parse('implicit meta policy ' + name, policy.value, implicitMetaPolicy);
      return { kind: 'implicitMeta', subPolicy: meta.subPolicy, rule: meta.rule };
    }
    default:
      return { kind: 'unsupported', type: policy.type };
  }
}

/** BFT channels name their consenters in the Orderers value (of the Orderer group, or of the channel). */
function consenters(channel: ConfigGroup): Consenter[] {
  let value = channel.groups.get('Orderer')?.values.get('Orderers');
  if (!value || value.length === 0) {
    value = channel.values.get('Orderers');
  }
  return !value || value.length === 0 ? [] : parse('orderers', value, orderers);
}
