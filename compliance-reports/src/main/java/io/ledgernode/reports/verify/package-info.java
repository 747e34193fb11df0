/**
 * Offline verification of a published report against the org's CA certificate alone: the manifest's detached CMS
 * signature (exactly one signer, whose certificate is issued by the pinned CA, not self-signed, valid at signing
 * time, allowed to sign), then every file against the manifest's SHA-256, naming each file altered, missing or
 * unexpected. {@link io.ledgernode.reports.verify.VerifyReport} is the command line around it.
 */
package io.ledgernode.reports.verify;
