/** The node's background jobs: each on a daemon thread of its own, in rounds a configured interval apart. */
package io.ledgernode.node.schedule;
