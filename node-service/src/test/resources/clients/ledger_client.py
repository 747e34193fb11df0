"""A wallet's calls to the node through Python's grpcio (the C-core gRPC stack that Python, Ruby, C# and C++
clients share), for GrpcClientsIT. Generates the stubs from the node's own .proto, then: a read, a write, a
refused call and a WatchTransactions stream. Prints one JSON object with what each call answered."""
import argparse
import json
import sys
import tempfile

import grpc
from grpc_tools import protoc


def stubs(proto_dir):
    out = tempfile.mkdtemp(prefix="ledger-stubs-")
    code = protoc.main(["protoc", f"-I{proto_dir}", f"--python_out={out}", f"--grpc_python_out={out}",
                        "ledgernode/v1/ledger.proto"])
    if code != 0:
        sys.exit(f"protoc failed with {code}")
    sys.path.insert(0, out)
    from ledgernode.v1 import ledger_pb2, ledger_pb2_grpc
    return ledger_pb2, ledger_pb2_grpc


def main():
    parser = argparse.ArgumentParser()
    for name in ("address", "proto", "token", "account", "to", "asset", "key", "from-block"):
        parser.add_argument("--" + name, required=True)
    args = parser.parse_args()
    pb, rpc = stubs(args.proto)
    auth = (("authorization", "Bearer " + args.token),)
    result = {}
    with grpc.insecure_channel(args.address) as channel:
        ledger = rpc.LedgerStub(channel)
        account = ledger.GetAccount(pb.GetAccountRequest(id=args.account), metadata=auth, timeout=30)
        result["read"] = {"id": account.id, "balance": account.balance}
        reply = ledger.Transfer(pb.TransferRequest(idempotency_key=args.key, **{"from": args.account}, to=args.to,
                                                   asset=args.asset, amount="1"), metadata=auth, timeout=60)
        result["write"] = {"status": pb.WriteStatus.Name(reply.status), "tx_id": reply.tx_id}
        try:
            ledger.GetAccount(pb.GetAccountRequest(id=args.account), timeout=30)
            result["refused"] = {"code": "OK"}
        except grpc.RpcError as refused:
            trailers = dict(refused.trailing_metadata() or ())
            result["refused"] = {"code": refused.code().name, "ledger_error_code": trailers.get("ledger-error-code", "")}
        stream = ledger.WatchTransactions(pb.WatchTransactionsRequest(account_id=args.account, from_block=int(args.from_block)),
                                          metadata=auth, timeout=30)
        seen = []
        for entry in stream:
            seen.append({"kind": entry.kind, "amount": entry.amount, "tx_id": entry.tx_id})
            if len(seen) == 2:
                stream.cancel()
                break
        result["stream"] = seen
    print(json.dumps(result))


if __name__ == "__main__":
    main()
