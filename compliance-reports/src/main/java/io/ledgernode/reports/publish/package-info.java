/**
 * Publication: a report's files, its manifest and the manifest's signature, written into a hidden partial directory
 * beside the target and renamed into place in one atomic step, the signature written last. A crash at any point
 * leaves either nothing visible or the whole signed report; a partial directory left by a crash is hidden from
 * listings and removed by the next run. Publishing the same report again finds it there, byte for byte, and leaves
 * it untouched.
 */
package io.ledgernode.reports.publish;
