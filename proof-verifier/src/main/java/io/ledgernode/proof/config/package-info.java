/**
 * A channel configuration block read into what a proof needs: the channel's MSPs (orderer orgs and application
 * orgs), its policy tree, and the orderer consenters (for BFT signatures that name their signer by number).
 */
package io.ledgernode.proof.config;
