/** The API's answers the console reads, as the OpenAPI document (GET /openapi) describes them. */

export interface AccountLine {
  id: string; asset: string; custodianMsp: string; ownerRef: string; jurisdiction: string | null; status: string;
  balance: string; held: string; updatedBlock: number;
}
export interface AccountsPage { accounts: AccountLine[]; nextCursor: string | null; mirrorHeight: number }
export interface Account extends AccountLine {
  decimals: number; perTransferMax: string | null; dailyDebitMax: string | null;
  holds: { id: string; amount: string; payee: string | null; expiresAt: string }[]; mirrorHeight: number;
}
export interface HistoryLine {
  blockNumber: number; txIndex: number; entryIndex: number; txId: string; kind: string; amount: string; asset: string;
  holdId: string | null; txTimestamp: string; function: string; counterparty: string | null; reference: string | null;
}
export interface HistoryPage { entries: HistoryLine[]; nextCursor: string | null; mirrorHeight: number }
export interface Hold {
  id: string; accountId: string; asset: string; amount: string; payee: string | null; expiresAt: string; status: string;
  placedTxId: string; placedBlock: number; closedTxId: string | null; closedBlock: number | null;
}
export interface HoldsPage { holds: Hold[]; nextCursor: string | null; mirrorHeight: number }
export interface BlockLine { number: number; headerHash: string; previousHash: string; dataHash: string; txCount: number; observedAt: string }
export interface BlocksPage { blocks: BlockLine[]; nextBefore: number | null; mirrorHeight: number }
export interface Block extends BlockLine {
  transactions: { txIndex: number; txId: string; validationCode: string; creatorMsp: string; function: string }[]; mirrorHeight: number;
}
export interface TransactionEntry {
  entryIndex: number; accountId: string | null; jurisdiction: string | null; kind: string; amount: string; asset: string;
  holdId: string | null; counterparty: string | null; reference: string | null;
}
export interface Transaction {
  blockNumber: number; txIndex: number; txId: string; headerType: string; validationCode: string; creatorMsp: string;
  chaincode: string; function: string; txTimestamp: string; eventName: string | null; entries: TransactionEntry[]; mirrorHeight: number;
}
export interface Written {
  txId: string; idempotencyKey: string; status: 'COMMITTED' | 'PENDING'; blockNumber?: number | null; message?: string;
}
export interface Report { jurisdiction: string; kind: string; period: string; cutOffBlock: number; name: string; files: string[] }
export interface Run {
  id: number; trigger: string; status: string; startedAt: string; finishedAt: string | null; consistentBlock: number | null;
  blocksCompared: number; accountsCompared: number; breaksFound: number; failure: string | null;
}
export interface Break {
  id: number; type: string; subject: string; accountId: string | null; jurisdiction: string | null; asset: string | null;
  txId: string | null; blockNumber: number | null; chainValue: string | null; mirrorValue: string | null;
}
export interface Alert {
  id: number; kind: string; accountId: string; jurisdiction: string | null; asset: string; amount: string; threshold: string | null;
  txId: string | null; blockNumber: number | null; occurredAt: string; detail: string; raisedAt: string;
}
export interface ProcessLine { name: string; state: string; since: string | null; detail: string; running: boolean; pid: number | null; restarts: number | null }
export interface NodeStatus {
  org: string; mspId: string | null; channel: string; chainHeight: number | null; chainError: string | null; mirrorHeight: number;
  lagBlocks: number | null; checks: Record<string, string>; processes: ProcessLine[];
  recentErrors: { at: string; source: string; level: string; message: string }[];
  reconciler: { cron: string | null; timeZone: string | null; nextRunAt: string | null;
    lastRun: { id: number; trigger: string; status: string; startedAt: string; finishedAt: string | null; breaksFound: number } | null };
  observedAt: string;
}
export interface Consortium {
  channel: string; chaincode: string; org: string;
  members: { name: string; mspId: string; peers: string[] }[];
  roots: { organization: string; certificatePem: string }[];
}
export interface Supply { assets: { code: string; decimals: number; supply: string }[]; mirrorHeight: number }
