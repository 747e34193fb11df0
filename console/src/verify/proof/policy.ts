// Fabric's channel policies evaluated offline (common/cauthdsl, common/policies/implicitmeta.go): signature policies
// (n out of, over MSP principals, each signer used once, greedily) and implicit-meta policies (ANY, ALL, MAJORITY of
// a named policy of every sub-group), over signed data whose signatures are checked first.
import type { SignaturePolicy, SignaturePolicyEnvelope, MspPrincipal } from './fabric';
import { type Identity, InvalidIdentity, type MspSet, describe, identityKey } from './msp';
import { signatureProblem } from './signatures';

/** One named policy of a configuration group, as Fabric's Policy.type says. */
export type PolicyDefinition =
  | { readonly kind: 'signature'; readonly envelope: SignaturePolicyEnvelope }
  | { readonly kind: 'implicitMeta'; readonly subPolicy: string; readonly rule: number }
  | { readonly kind: 'unsupported'; readonly type: number };

/** A configuration group's policies and sub-groups: /Channel, /Channel/Application/Org1, ... */
export interface PolicyGroup {
  readonly name: string;
  readonly policies: ReadonlyMap<string, PolicyDefinition>;
  readonly groups: ReadonlyMap<string, PolicyGroup>;
}

/** Whether a policy is satisfied, and in words why (or why not). */
export interface Evaluation {
  readonly satisfied: boolean;
  readonly explanation: string;
}

/** Deepest signature policy evaluated; Fabric's policies nest two or three levels. */
const RULE_DEPTH_MAX = 32;
const RULE_NAMES = ['ANY', 'ALL', 'MAJORITY'];
const INT_MAX = 2147483647;

export class PolicyEvaluator {
  constructor(private readonly channel: PolicyGroup, private readonly msps: MspSet) {}

  /** Evaluates a policy by its absolute path ({@code /Channel/Orderer/BlockValidation}). */
  evaluate(path: string, signers: readonly Identity[]): Promise<Evaluation> {
    const parts = javaSplit(path);
    if (parts.length < 3 || parts[0] !== '' || parts[1] !== this.channel.name) {
      return Promise.resolve({ satisfied: false, explanation: 'policy path ' + path + ' is not under /' + this.channel.name });
    }
    let group: PolicyGroup | undefined = this.channel;
    for (const name of parts.slice(2, -1)) {
      group = group?.groups.get(name);
    }
    const policy = group?.policies.get(parts[parts.length - 1]!);
    if (!group || !policy) {
      return Promise.resolve({ satisfied: false, explanation: 'the channel configuration has no policy ' + path });
    }
    return this.evaluatePolicy(path, group, policy, signers);
  }

  private evaluatePolicy(path: string, group: PolicyGroup, policy: PolicyDefinition, signers: readonly Identity[]): Promise<Evaluation> {
    switch (policy.kind) {
      case 'signature':
        return this.signature(path, policy.envelope, signers);
      case 'implicitMeta':
        return this.implicitMeta(path, group, policy, signers);
      case 'unsupported':
        return Promise.resolve({ satisfied: false,
          explanation: path + ' is a policy of type ' + policy.type + ', which is not supported' });
    }
  }

  private async signature(path: string, envelope: SignaturePolicyEnvelope, signers: readonly Identity[]): Promise<Evaluation> {
    const used = signers.map(() => false);
    const satisfied = await this.rule(envelope.rule, envelope.identities, signers, used, 0);
    return { satisfied, explanation: path + (satisfied ? ' is satisfied' : ' is not satisfied') + ' by ' + signers.length
      + ' distinct valid signer(s)' };
  }

  /** cauthdsl's compiled rule: n-out-of over sub-rules, each signer consumed at most once, greedily in order. */
  private async rule(rule: SignaturePolicy, principals: readonly MspPrincipal[], signers: readonly Identity[],
    used: boolean[], depth: number): Promise<boolean> {
    if (depth > RULE_DEPTH_MAX || rule.type === 'none') {
      return false;
    }
    if (rule.type === 'signedBy') {
      return this.signedBy(rule.index, principals, signers, used);
    }
    let verified = 0;
    for (const sub of rule.rules) {
      const attempt = [...used];
      if (await this.rule(sub, principals, signers, attempt, depth + 1)) {
        verified++;
        attempt.forEach((value, i) => { used[i] = value; });
      }
    }
    return verified >= rule.n;
  }

  private async signedBy(index: number, principals: readonly MspPrincipal[], signers: readonly Identity[], used: boolean[]): Promise<boolean> {
    const principal = principals[index];
    if (index < 0 || !principal) {
      return false;
    }
    for (let i = 0; i < signers.length; i++) {
      if (!used[i] && await this.msps.satisfies(signers[i]!, principal)) {
        used[i] = true;
        return true;
      }
    }
    return false;
  }

  private async implicitMeta(path: string, group: PolicyGroup, meta: { subPolicy: string; rule: number },
    signers: readonly Identity[]): Promise<Evaluation> {
    const groups = group.groups.size;
    const threshold = groups === 0 ? 0 : [1, groups, Math.floor(groups / 2) + 1][meta.rule] ?? INT_MAX;
    const satisfiedBy: string[] = [];
    for (const name of [...group.groups.keys()].sort(compareJava)) {
      const sub = group.groups.get(name)!;
      const policy = sub.policies.get(meta.subPolicy);
      const subPath = path.slice(0, path.lastIndexOf('/')) + '/' + name + '/' + meta.subPolicy;
      if (policy && (await this.evaluatePolicy(subPath, sub, policy, signers)).satisfied) {
        satisfiedBy.push(name);
      }
    }
    const satisfied = satisfiedBy.length >= threshold;
    return { satisfied, explanation: path + ' (' + (RULE_NAMES[meta.rule] ?? 'UNRECOGNIZED') + ' ' + meta.subPolicy + ': '
      + satisfiedBy.length + ' of ' + groups + ' satisfied' + (satisfiedBy.length === 0 ? '' : ', by ' + satisfiedBy.join(', '))
      + ', ' + threshold + ' required)' + (satisfied ? ' is satisfied' : ' is not satisfied') };
  }
}

/** Java's String.split("/"): trailing empty strings dropped. */
function javaSplit(path: string): string[] {
  const parts = path.split('/');
  while (parts.length > 0 && parts[parts.length - 1] === '') {
    parts.pop();
  }
  return parts;
}

/** Java's String.compareTo: UTF-16 code units, as JavaScript's default sort. */
export function compareJava(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Fabric's protoutil.SignedData: what was signed, by which serialized identity, with which signature. */
export interface SignedData {
  readonly what: string;
  readonly data: Uint8Array;
  readonly identity: Uint8Array;
  readonly signature: Uint8Array;
}

/**
 * Signed data checked one by one: the valid identities whose signatures hold (each signer once, as Fabric
 * de-duplicates), and every problem found. Fabric silently drops a bad signature; a proof reports it.
 */
export interface SignatureSet {
  readonly signers: readonly Identity[];
  readonly problems: readonly string[];
}

export async function checkSignatures(signed: readonly SignedData[], msps: MspSet): Promise<SignatureSet> {
  const signers: Identity[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const data of signed) {
    let identity: Identity;
    try {
      identity = await msps.deserialize(data.identity);
    } catch (e) {
      if (!(e instanceof InvalidIdentity)) {
        throw e;
      }
      problems.push(data.what + ': ' + e.message);
      continue;
    }
    const problem = await signatureProblem(identity.certificate, data.data, data.signature);
    if (problem !== null) {
      problems.push(data.what + ' by ' + describe(identity) + ': ' + problem);
    } else if (!seen.has(identityKey(identity))) {
      seen.add(identityKey(identity));
      signers.push(identity);
    }
  }
  return { signers, problems };
}

/** For messages: {@code Org1MSP CN=peer0..., Org2MSP CN=peer0...}. */
export const describeSigners = (set: SignatureSet): string => set.signers.map(describe).join(', ');
