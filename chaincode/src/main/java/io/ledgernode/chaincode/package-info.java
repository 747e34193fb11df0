/** The chaincode server's entry point ({@link io.ledgernode.chaincode.ChaincodeMain}) and its log filter. */
package io.ledgernode.chaincode;
