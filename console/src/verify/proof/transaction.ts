// An envelope decoded the way Fabric's validator reads it: Envelope -> Payload -> Header, and for an endorser
// transaction Transaction -> actions[0] -> ChaincodeActionPayload: the invocation from the proposal payload, the
// endorsed ProposalResponsePayload -> ChaincodeAction with its event and read-write set.
import { utf8 } from './bytes';
import {
  type ChannelHeader, type ChaincodeEvent, ENDORSER_TRANSACTION, type Endorsement, type Envelope, HEADER_TYPES,
  type Header, type ProposalResponsePayload, type SignatureHeader, chaincodeAction, chaincodeActionPayload,
  chaincodeEvent, chaincodeInvocationSpec, chaincodeProposalPayload, channelHeader, envelope, kvWrites, parse, payload,
  proposalResponsePayload, ensure, signatureHeader, transactionActions, txReadWriteSet,
} from './fabric';

export interface StateWrite {
  readonly namespace: string;
  readonly key: string;
  readonly delete: boolean;
  readonly value: Uint8Array;
}

/** An endorser transaction's one chaincode action. */
export interface ChaincodeTransaction {
  readonly chaincode: string;
  /** The first argument as text (malformed UTF-8 replaced), empty when there is none. */
  readonly function: string;
  /** The bytes the proposal hash covers, as the transaction carries them. */
  readonly chaincodeProposalPayload: Uint8Array;
  readonly responsePayloadBytes: Uint8Array;
  readonly responsePayload: ProposalResponsePayload;
  readonly endorsements: readonly Endorsement[];
  readonly event: ChaincodeEvent | null;
  readonly writes: readonly StateWrite[];
}

export interface DecodedTransaction {
  readonly envelope: Envelope;
  readonly header: Header;
  readonly channelHeader: ChannelHeader;
  readonly signatureHeader: SignatureHeader;
  /** The HeaderType's name. */
  readonly type: string;
  readonly chaincode: ChaincodeTransaction | null;
}

/** The whole envelope: headers, and for an endorser transaction its one chaincode action. */
export function decodeTransaction(envelopeBytes: Uint8Array): DecodedTransaction {
  const env = parse('envelope', envelopeBytes, envelope);
  const body = parse('payload', env.payload, payload);
  ensure(body.header !== null, 'payload has no header');
  const header = body.header!;
  const channel = parse('channel header', header.channelHeader, channelHeader);
  const signature = parse('signature header', header.signatureHeader, signatureHeader);
  const type = HEADER_TYPES[channel.type];
  ensure(type !== undefined, 'unknown header type ' + channel.type);
  const chaincode = channel.type === ENDORSER_TRANSACTION ? chaincodeTransaction(body.data) : null;
  return { envelope: env, header, channelHeader: channel, signatureHeader: signature, type: type!, chaincode };
}

function chaincodeTransaction(transactionBytes: Uint8Array): ChaincodeTransaction {
  const actions = parse('transaction', transactionBytes, transactionActions);
  // Fabric's validator accepts exactly one action per endorser transaction.
  ensure(actions.length === 1, 'transaction has ' + actions.length + ' actions, Fabric accepts exactly 1');
  const actionPayload = parse('chaincode action payload', actions[0]!, chaincodeActionPayload);
  const input = parse('chaincode proposal payload', actionPayload.chaincodeProposalPayload, chaincodeProposalPayload);
  const spec = parse('chaincode invocation spec', input, chaincodeInvocationSpec);
  ensure(spec !== null, 'invocation has no chaincode spec');
  ensure(actionPayload.action !== null, 'chaincode action payload has no endorsed action');
  const responseBytes = actionPayload.action!.proposalResponsePayload;
  const response = parse('proposal response payload', responseBytes, proposalResponsePayload);
  const action = parse('chaincode action', response.extension, chaincodeAction);
  const event = action.events.length === 0 ? null : parse('chaincode event', action.events, chaincodeEvent);
  return {
    chaincode: spec!.chaincodeName, function: spec!.args.length === 0 ? '' : utf8(spec!.args[0]!),
    chaincodeProposalPayload: actionPayload.chaincodeProposalPayload, responsePayloadBytes: responseBytes,
    responsePayload: response, endorsements: actionPayload.action!.endorsements, event, writes: writes(action.results),
  };
}

function writes(results: Uint8Array): StateWrite[] {
  if (results.length === 0) {
    return [];
  }
  const out: StateWrite[] = [];
  for (const ns of parse('read-write set', results, txReadWriteSet)) {
    for (const write of parse('read-write set of ' + ns.namespace, ns.rwset, kvWrites)) {
      out.push({ namespace: ns.namespace, key: write.key, delete: write.isDelete, value: write.value });
    }
  }
  return out;
}
