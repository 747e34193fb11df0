/**
 * The chaincode server's side of its connection to the peers: what they advertise when a connection becomes ready
 * ({@link io.ledgernode.chaincode.peer.PeerFeatures}, learnt by {@link io.ledgernode.chaincode.peer.PeerAwareChaincode})
 * and the one way to send a transaction's own message on that connection
 * ({@link io.ledgernode.chaincode.peer.ShimMessages}), which the world state uses to batch reads and writes.
 */
package io.ledgernode.chaincode.peer;
