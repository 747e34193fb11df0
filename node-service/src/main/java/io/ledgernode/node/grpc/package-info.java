/**
 * The gRPC API (src/main/protobuf/ledgernode/v1/ledger.proto): the same operations as the REST API, through the
 * same feature classes, with the caller taken from the call's metadata and errors mapped to gRPC status in one place.
 */
package io.ledgernode.node.grpc;
