/**
 * Fabric's channel policies, evaluated offline: the policy tree of a channel configuration (each group's named
 * policies and its sub-groups), signature policies ({@code n out of} over MSP principals, each signer used once) and
 * implicit-meta policies ({@code ANY}, {@code ALL}, {@code MAJORITY} of a named policy of every sub-group), over a set
 * of signed data whose signatures are checked first and whose signers are de-duplicated, as Fabric does.
 */
package io.ledgernode.proof.policy;
